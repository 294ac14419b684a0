import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { DoneQueryDto, ReassignTaskDto, TodoQueryDto } from './case-tasks.dto.js';
import { CaseTasksService } from './case-tasks.service.js';
import { TaskClaimsService } from './task-claims.service.js';

const taskParam = () => Param('taskId', uuidParam('taskId'));

@ApiTags('tasks 待办')
@ApiBearerAuth()
@Controller('api/tasks')
export class CaseTasksController {
  constructor(
    private readonly tasks: CaseTasksService,
    private readonly claims: TaskClaimsService,
  ) {}

  @Get()
  todo(@CurrentActor() actor: Actor, @Query() query: TodoQueryDto) {
    return this.tasks.todo(actor, query);
  }

  /** 已办: the tasks I completed, newest first. */
  @Get('done')
  done(@CurrentActor() actor: Actor, @Query() query: DoneQueryDto) {
    return this.tasks.done(actor, query);
  }

  /** 签收: the task is mine until I release it or pass it on; others can no longer act on it. */
  @Post(':taskId/claim')
  @HttpCode(200)
  claim(@CurrentActor() actor: Actor, @taskParam() taskId: string) {
    return this.claims.claim(actor, taskId);
  }

  @Post(':taskId/release')
  @HttpCode(200)
  release(@CurrentActor() actor: Actor, @taskParam() taskId: string) {
    return this.claims.release(actor, taskId);
  }

  /** 转办: the colleagues the task could be passed to. */
  @Get(':taskId/colleagues')
  colleagues(@CurrentActor() actor: Actor, @taskParam() taskId: string) {
    return this.claims.colleagues(actor, taskId);
  }

  /** 转办: passes the task to a colleague who may hold it, with the reason; they are notified. */
  @Post(':taskId/reassign')
  @HttpCode(200)
  reassign(@CurrentActor() actor: Actor, @taskParam() taskId: string, @Body() dto: ReassignTaskDto) {
    return this.claims.reassign(actor, taskId, dto.assigneeId, dto.reason);
  }
}

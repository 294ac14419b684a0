import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../common/actor.js';
import { TodoQueryDto } from './case-tasks.dto.js';
import { CaseTasksService } from './case-tasks.service.js';

@ApiTags('tasks 待办')
@ApiBearerAuth()
@Controller('api/tasks')
export class CaseTasksController {
  constructor(private readonly tasks: CaseTasksService) {}

  @Get()
  todo(@CurrentActor() actor: Actor, @Query() query: TodoQueryDto) {
    return this.tasks.todo(actor, query);
  }
}

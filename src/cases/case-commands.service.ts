import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { currentOrigin } from '../common/request-origin.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../infrastructure/queue/job-queue.js';
import { assertCanRead } from './case-access.js';
import { CaseCommand } from './case-command.entity.js';
import { Case } from './case.entity.js';
import { TransitionDto } from './case.dto.js';
import { TransitionCommand, TransitionOutcome } from './transition.js';

export type CommandAnswer = TransitionOutcome | { commandId: string; result: 'pending' };


/** The API's side of a transition: turn the request into a command, hand it to a worker, wait a bounded time. */
@Injectable()
export class CaseCommandsService {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(CaseCommand) private readonly commands: Repository<CaseCommand>,
  ) {}

  async request(actor: Actor, caseId: string, action: string, dto: TransitionDto): Promise<CommandAnswer> {
    const commandId = dto.commandId ?? randomUUID();
    const earlier = await this.commands.findOneBy({ commandId });
    if (earlier) return this.sameCommand(earlier, actor, caseId, action);
    await assertCanRead(this.cases.manager, actor, await this.cases.findOneBy({ id: caseId }));

    const payload = {
      comment: dto.comment ?? null,
      ...(dto.specialProcedure ? { specialProcedure: { ...dto.specialProcedure } } : {}),
      ...(dto.supplementItems ? { supplementItems: dto.supplementItems.map((item) => ({ ...item })) } : {}),
      ...(dto.postal ? { postal: { ...dto.postal } } : {}),
      ...(dto.competentAuthority ? { competentAuthority: dto.competentAuthority } : {}),
      ...(dto.pickup ? { pickup: { ...dto.pickup } } : {}),
    };
    const command: TransitionCommand = { commandId, caseId, action, taskId: dto.taskId, actor, payload, origin: currentOrigin() };
    const outcome = await this.queue.run<TransitionCommand, TransitionOutcome>(QUEUES.caseTransitions, commandId, command, this.config.transitionWaitMs);
    return outcome ?? { commandId, result: 'pending' };
  }

  /** The outcome of a command, for a client whose request answered 202 while the worker was still busy. */
  async find(actor: Actor, commandId: string): Promise<TransitionOutcome> {
    const command = await this.commands.findOneBy({ commandId });
    if (!command || command.actorId !== actor.id) {
      // A command still with the worker has no outcome yet: the client asks again a little later.
      throw new AppError(404, 'COMMAND_NOT_FOUND', {
        zh: '没有该命令的结果：命令编号有误，或仍在处理中，请稍后再查询',
        en: 'No outcome for this command: the id is unknown, or it is still being carried out; ask again shortly',
      });
    }
    return command.outcome;
  }

  private sameCommand(earlier: CaseCommand, actor: Actor, caseId: string, action: string): TransitionOutcome {
    if (earlier.actorId !== actor.id || earlier.caseId !== caseId || earlier.action !== action) {
      throw new AppError(409, 'COMMAND_ID_REUSED', {
        zh: '该命令编号已用于另一项操作，请使用新的编号',
        en: 'This command id was already used for another request; use a new one',
      });
    }
    return earlier.outcome;
  }
}

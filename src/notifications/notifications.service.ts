import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Notification } from './notification.entity.js';

/** `userId` null: a walk-in applicant without an account, who has no inbox and is reached by phone. */
export type NewNotification = Pick<Notification, 'caseId' | 'dedupeKey' | 'title' | 'body'> & { userId: string | null };

/** The in-platform inbox (站内消息); stage changes also go out through the channels (`StageChangeNotifier`). */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly clock: Clock,
  ) {}

  /**
   * Sends once per dedupe key: a sender tried again after a crash does not notify twice. Inside a
   * transaction pass its manager, so that the notice commits with the change it tells of.
   */
  async send({ userId, ...notification }: NewNotification, tx: EntityManager = this.notifications.manager): Promise<void> {
    if (userId === null) return;
    await tx
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({ ...notification, userId, createdAt: this.clock.now(), readAt: null })
      .orIgnore()
      .execute();
  }

  listMine(actor: Actor, unreadOnly: boolean) {
    return this.notifications.find({
      where: { userId: actor.id, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
  }

  /** All of them, unlike the list (its newest 200): the header's badge must not stop at a page. */
  async unreadCount(actor: Actor): Promise<{ unread: number }> {
    return { unread: await this.notifications.countBy({ userId: actor.id, readAt: IsNull() }) };
  }

  async markRead(actor: Actor, id: string): Promise<Notification> {
    const notification = await this.notifications.findOneBy({ id, userId: actor.id });
    if (!notification) throw notFound({ zh: '消息', en: 'Notification' });
    if (!notification.readAt) {
      notification.readAt = this.clock.now();
      await this.notifications.update({ id }, { readAt: notification.readAt });
    }
    return notification;
  }
}

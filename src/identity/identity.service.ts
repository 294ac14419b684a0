import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { RegisterApplicantDto } from './identity.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { Session } from './session.entity.js';
import { Role, User } from './user.entity.js';

const SESSION_HOURS = 12;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: Actor;
}

@Injectable()
export class IdentityService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async registerApplicant(dto: RegisterApplicantDto): Promise<Actor> {
    return this.createUser(dto.username, dto.displayName, dto.password, ['applicant']);
  }

  async createUser(username: string, displayName: string, password: string, roles: Role[]): Promise<Actor> {
    if (await this.users.existsBy({ username })) throw usernameTaken(username);
    const passwordHash = await this.hasher.hash(password);
    try {
      return toActor(await this.users.save(this.users.create({ username, displayName, passwordHash, roles, departmentId: null })));
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw usernameTaken(username);
      throw error;
    }
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const user = await this.users.findOneBy({ username });
    // Verify against a hash even for an unknown name, so that timing does not tell which names exist.
    const valid = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !valid) {
      throw new AppError(401, 'INVALID_CREDENTIALS', { zh: '用户名或密码错误', en: 'Wrong username or password' });
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_HOURS * 3600_000);
    await this.sessions.insert({ tokenHash: hashToken(token), userId: user.id, expiresAt });
    return { token, expiresAt, user: toActor(user, await this.departmentCodeOf(user)) };
  }

  async logout(token: string): Promise<void> {
    await this.sessions.delete({ tokenHash: hashToken(token) });
  }

  /** The actor behind a bearer token, or null when the token is unknown or expired. */
  async authenticate(token: string): Promise<Actor | null> {
    const session = await this.sessions.findOneBy({ tokenHash: hashToken(token) });
    if (!session || session.expiresAt <= this.clock.now()) return null;
    const user = await this.users.findOneBy({ id: session.userId });
    return user ? toActor(user, await this.departmentCodeOf(user)) : null;
  }

  private async departmentCodeOf(user: User): Promise<string | null> {
    if (!user.departmentId) return null;
    const [department] = await this.users.manager.query(`SELECT code FROM departments WHERE id = $1`, [user.departmentId]);
    return department?.code ?? null;
  }
}

// An argon2id hash of a random string nobody knows.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c1m4Z1/9L3l4RAoR5uFibg$984DdfQVwdlLNKHrrtEn0chGAf9nWxHx+1Noojvfygs';

const usernameTaken = (username: string) =>
  new AppError(409, 'USERNAME_TAKEN', { zh: `用户名 ${username} 已被注册`, en: `The username ${username} is already registered` });

const toActor = (user: User, departmentCode: string | null = null): Actor => ({
  id: user.id,
  displayName: user.displayName,
  roles: user.roles,
  departmentCode,
});

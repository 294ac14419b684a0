import { Module } from '@nestjs/common';
import { PasswordHasher } from '../identity/password-hasher.js';
import { DemoSeeder } from './demo-seeder.service.js';

@Module({ providers: [DemoSeeder, PasswordHasher], exports: [DemoSeeder] })
export class SeedModule {}

import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { PasswordHasher } from '../identity/password-hasher.js';
import { DemoSeeder } from './demo-seeder.service.js';

@Module({ imports: [CatalogModule], providers: [DemoSeeder, PasswordHasher], exports: [DemoSeeder] })
export class SeedModule {}

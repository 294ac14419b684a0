import { Module } from '@nestjs/common';
import { CatalogModule } from './catalog/catalog.module.js';
import { CoreModule } from './core.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { MaterialsModule } from './materials/materials.module.js';
import { SeedModule } from './seed/seed.module.js';

/** The HTTP API. */
@Module({ imports: [CoreModule, IdentityModule, CatalogModule, MaterialsModule, HealthModule, SeedModule] })
export class AppModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller.js';
import { CatalogService } from './catalog.service.js';
import { Department } from './department.entity.js';
import { Matter } from './matter.entity.js';
import { RequiredMaterial } from './required-material.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Department, Matter, RequiredMaterial])],
  controllers: [CatalogController],
  providers: [CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}

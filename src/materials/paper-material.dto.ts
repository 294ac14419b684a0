import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** How many paper originals and photocopies of an item the window received (at least one in all). */
export class PaperMaterialDto {
  @ApiProperty({ description: '原件份数 Originals received', example: 1 })
  @IsInt({ message: 'originals must be a whole number' })
  @Min(0)
  @Max(99)
  originals: number;

  @ApiProperty({ description: '复印件份数 Photocopies received', example: 0 })
  @IsInt({ message: 'photocopies must be a whole number' })
  @Min(0)
  @Max(99)
  photocopies: number;
}

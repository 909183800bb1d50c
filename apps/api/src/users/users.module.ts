import { Module } from '@nestjs/common';
import { AuthCoreModule } from '../auth/auth-core.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AuthCoreModule], controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}

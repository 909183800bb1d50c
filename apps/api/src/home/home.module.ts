import { Module } from '@nestjs/common';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';
import { RemindersService } from './reminders.service';

@Module({ controllers: [HomeController], providers: [HomeService, RemindersService] })
export class HomeModule {}

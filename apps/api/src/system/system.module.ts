import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QUEUES } from '@evalflow/jobs';
import { PingController } from './ping.controller';
import { PingService } from './ping.service';

@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.system })],
  controllers: [PingController],
  providers: [PingService],
})
export class SystemModule {}

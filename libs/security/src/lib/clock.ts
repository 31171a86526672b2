import { Injectable } from '@nestjs/common';

/** The time, in one replaceable place: expiry checks ask this, so tests can move it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

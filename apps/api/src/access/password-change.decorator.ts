import { SetMetadata } from '@nestjs/common';

export const BEFORE_PASSWORD_CHANGE = 'evalflow:beforePasswordChange';

/**
 * Marks one of the few routes a session whose password an administrator set may use (who am I, change my
 * password); every other route answers it PASSWORD_CHANGE_REQUIRED until the password is changed.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE, true);

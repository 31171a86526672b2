import { SignedInStaff } from '@switchboard/plugin-sdk';

/** Injects the signed-in user that AuthGuard put on the request (the same decorator plugins get from plugin-sdk). */
export const SignedInUser = SignedInStaff;

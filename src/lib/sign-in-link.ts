/** How long an e-mailed sign-in link works: the server sets it, the sign-in page says it. */
export const SIGN_IN_LINK_MINUTES = 10;

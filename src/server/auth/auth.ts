import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, getIP } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { magicLink } from 'better-auth/plugins';
import { getDb } from '../db/client';
import * as schema from '../db/schema';
import { newId } from '../../lib/ids';
import { SIGN_IN_LINK_MINUTES } from '../../lib/sign-in-link';
import { enqueueAuthMail } from '../jobs/auth-mail';
import { getAuthSecret } from './secret';
import { hashPassword, isCommonPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';

const AUTH_RATE_LIMIT_SCALE = Math.max(1, Number(process.env.AUTH_RATE_LIMIT_SCALE) || 1);
import { clearSignInFailures, recordSignInFailure, secondsUntilSignInAllowed } from './throttle';

export function appUrl(): string {
  return process.env.APP_URL ?? process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

const PASSWORD_PATHS = new Set(['/sign-up/email', '/reset-password', '/change-password']);

function createAuth() {
  return betterAuth({
    appName: 'Tezgah',
    baseURL: appUrl(),
    secret: getAuthSecret(),
    trustedOrigins: [appUrl()],
    database: drizzleAdapter(getDb(), { provider: 'pg', schema }),
    advanced: {
      database: { generateId: () => newId() },
      // Rate limits and the sign-in throttle key on this header. The server in front of Next
      // (scripts/serve.mjs) replaces it on every request with one checked address: the socket's
      // peer, or what a proxy named in TRUSTED_PROXIES forwarded.
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
      // Secure cookies follow the scheme of APP_URL: https in production, plain http on a laptop.
      useSecureCookies: appUrl().startsWith('https://'),
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user, url, token }) {
        // Queued, and sent by a worker: the request answers at once, and a second delivery of
        // the same reset (same token, same job) sends nothing more.
        await enqueueAuthMail(
          {
            to: user.email,
            subject: 'Tezgah: şifre sıfırlama / password reset',
            text: `Şifrenizi sıfırlamak için / To reset your password:\n${url}\n`,
          },
          { key: `reset-password:${token}` },
        );
      },
    },
    // No cookie cache: a revoked session must stop working on the very next request.
    session: { cookieCache: { enabled: false } },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rateLimit',
      window: 60,
      max: 300 * AUTH_RATE_LIMIT_SCALE,
      // AUTH_RATE_LIMIT_SCALE multiplies the per-address limits: the browser journeys sign up dozens
      // of accounts a minute from one address. The per-account lockout (throttle.ts) is not scaled.
      customRules: {
        '/sign-in/email': { window: 60, max: 30 * AUTH_RATE_LIMIT_SCALE },
        '/sign-up/email': { window: 60, max: 20 * AUTH_RATE_LIMIT_SCALE },
        '/request-password-reset': { window: 60, max: 5 * AUTH_RATE_LIMIT_SCALE },
        '/sign-in/magic-link': { window: 60, max: 5 * AUTH_RATE_LIMIT_SCALE },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        if (PASSWORD_PATHS.has(ctx.path)) {
          const password = typeof body.password === 'string' ? body.password : body.newPassword;
          if (typeof password === 'string' && isCommonPassword(password)) {
            throw new APIError('BAD_REQUEST', { code: 'PASSWORD_TOO_COMMON', message: 'PASSWORD_TOO_COMMON' });
          }
        }
        if (ctx.path === '/sign-in/email' && typeof body.email === 'string') {
          const wait = await secondsUntilSignInAllowed(body.email, ctx.request ? getIP(ctx.request, ctx.context.options) : null);
          if (wait > 0) {
            throw new APIError('TOO_MANY_REQUESTS', { code: 'SIGN_IN_LOCKED', message: 'SIGN_IN_LOCKED' }, { 'Retry-After': String(wait) });
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        if (typeof body.email !== 'string') return;
        const ip = ctx.request ? getIP(ctx.request, ctx.context.options) : null;
        if (ctx.context.newSession) {
          await clearSignInFailures(body.email, ip);
        } else if (ctx.context.returned instanceof APIError) {
          await recordSignInFailure(body.email, ip);
        }
      }),
    },
    plugins: [
      // The way in that no amount of wrong passwords from elsewhere can close: a link by e-mail.
      // It signs in existing accounts only. better-auth's own limit (5 a minute per address)
      // applies to asking and to following links.
      magicLink({
        disableSignUp: true,
        expiresIn: SIGN_IN_LINK_MINUTES * 60,
        storeToken: 'hashed',
        async sendMagicLink({ email, url }, ctx) {
          // The answer is the same whether the account exists; only an existing one gets mail.
          if (!(await ctx?.context.internalAdapter.findUserByEmail(email))) return;
          // At most one link a minute per address, however often it is asked for: the key names
          // the job, and a second job with the same key is not made.
          const minute = Math.floor(Date.now() / 60_000);
          await enqueueAuthMail(
            {
              to: email,
              subject: 'Tezgah: giriş bağlantısı / sign-in link',
              text:
                `Tezgah'a giriş yapmak için (${SIGN_IN_LINK_MINUTES} dakika geçerli) / To sign in to Tezgah (valid for ${SIGN_IN_LINK_MINUTES} minutes):\n${url}\n\n` +
                'Bu bağlantıyı siz istemediyseniz bu e-postayı yok sayın. / If you did not ask for this link, ignore this e-mail.\n\n' +
                'Adresiniz henüz doğrulanmadıysa bu bağlantıyla giriş, daha önce belirlenen şifreyi kaldırır; yenisini "Şifrenizi mi unuttunuz?" bağlantısıyla belirleyebilirsiniz. / ' +
                'If this address was not confirmed yet, signing in with this link removes the password set before; set a new one with "Forgot your password?".\n',
            },
            { key: `sign-in-link:${email.trim().toLowerCase()}:${minute}` },
          );
        },
      }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = ((globalThis as Record<string, unknown>).__tezgahAuth ??= {}) as { auth?: Auth };

/** The auth instance, made on first use so that building the app needs no database or secret. */
export function getAuth(): Auth {
  holder.auth ??= createAuth();
  return holder.auth;
}

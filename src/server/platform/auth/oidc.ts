import { sql } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Config } from '../../config.js';
import { recordAudit, type AuditContext } from '../audit/audit.js';
import { sqlRows, type Db } from '../db/database.js';
import * as repo from './identity.repo.js';
import { randomToken, sha256 } from './secrets.js';
import { openSession } from './session.service.js';

type OidcConfig = NonNullable<Config['oidc']>;

let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

/** Whether plain http may reach the provider: only on loopback, and never in production. */
export function allowsInsecureIssuer(issuer: URL, env: Config['env']): boolean {
  return env !== 'production' && issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}

/** The identity provider's configuration, discovered once per issuer and client. */
function providerConfig(oidc: OidcConfig, env: Config['env']): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  if (discovered?.key !== key) {
    const url = new URL(oidc.issuer);
    // openid-client marks this option deprecated only to flag it; it is limited to loopback outside production.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const insecure = client.allowInsecureRequests;
    const config = client.discovery(
      url,
      oidc.clientId,
      oidc.clientSecret,
      undefined,
      allowsInsecureIssuer(url, env) ? { execute: [insecure] } : undefined,
    );
    const entry = { key, config };
    // A provider that was down is asked again next time.
    config.catch(() => {
      if (discovered === entry) discovered = undefined;
    });
    discovered = entry;
  }
  return discovered.config;
}

/** The callback address registered with the identity provider. */
export function callbackUrl(config: Config): string {
  return `${config.publicUrl}/api/v1/auth/oidc/callback`;
}

// `acr` values that name a multi-factor sign-in: OpenID PAPE and the REFEDS MFA profile.
const MFA_ACR = new Set([
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor-physical',
  'https://refeds.org/profile/mfa',
]);

/**
 * Whether the provider says it checked a second factor (RFC 8176 `amr` "mfa" or "otp", or a
 * multi-factor `acr`); then Merimna's own TOTP step is not asked for again.
 */
export function providerVerifiedMfa(claims: { readonly [claim: string]: unknown }): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  return amr.includes('mfa') || amr.includes('otp') || (typeof claims.acr === 'string' && MFA_ACR.has(claims.acr));
}

/** Starts a sign-in: stores PKCE verifier, state and nonce, and returns where to send the browser. */
export async function startOidc(db: Db, config: Config, tenantId: string): Promise<{ stateId: string; redirectTo: string }> {
  const oidc = config.oidc;
  if (!oidc) throw new Error('OpenID Connect is not configured');
  const provider = await providerConfig(oidc, config.env);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  // The browser keeps only a random id (in an HttpOnly cookie); the table keeps its hash.
  const stateId = randomToken();
  await db.execute(sql`delete from oidc_state where created_at < now() - interval '10 minutes'`);
  await db.execute(
    sql`insert into oidc_state (tenant_id, id, state, nonce, code_verifier) values (${tenantId}, ${sha256(stateId)}, ${state}, ${nonce}, ${codeVerifier})`,
  );
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: callbackUrl(config),
    scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { stateId, redirectTo: url.href };
}

/**
 * Finishes a sign-in: checks state, nonce and PKCE with the provider, finds the user linked to the
 * identity (or links the first sign-in of an existing user by the configured claim; nobody unknown
 * is created), opens a session. Returns null, after auditing why, when the sign-in is refused.
 */
export async function finishOidc(
  db: Db,
  config: Config,
  audit: AuditContext,
  input: { stateId: string | undefined; query: URLSearchParams; userAgent: string | undefined },
): Promise<{ token: string } | null> {
  const oidc = config.oidc;
  const refuse = async (reason: string, userId?: string) => {
    await db.transaction((tx) =>
      recordAudit(tx, audit, [
        { action: 'auth.oidc_failed', outcome: 'failure', entityType: 'user', ...(userId ? { entityId: userId } : {}), reason },
      ]),
    );
    return null;
  };
  if (!oidc || !input.stateId) return refuse('no_state');
  // One use only: the row goes whatever happens next.
  const [saved] = await sqlRows<{ state: string; nonce: string; code_verifier: string }>(
    db,
    sql`delete from oidc_state where id = ${sha256(input.stateId)} and tenant_id = ${audit.tenantId}
        and created_at > now() - interval '10 minutes' returning state, nonce, code_verifier`,
  );
  if (!saved) return refuse('unknown_or_expired_state');
  const providerError = input.query.get('error');
  if (providerError !== null) return refuse(`provider_error:${providerError}`.slice(0, 80));
  let claims: client.IDToken | undefined;
  let username: unknown;
  try {
    const provider = await providerConfig(oidc, config.env);
    // The callback address rebuilt from the configuration, not from the request: behind a proxy
    // the request's own address may differ from the redirect_uri the provider knows.
    const currentUrl = new URL(callbackUrl(config));
    currentUrl.search = input.query.toString();
    const tokens = await client.authorizationCodeGrant(provider, currentUrl, {
      pkceCodeVerifier: saved.code_verifier,
      expectedState: saved.state,
      expectedNonce: saved.nonce,
    });
    claims = tokens.claims();
    username = claims?.[oidc.usernameClaim];
    // Providers that keep profile claims out of the ID token give them at the userinfo endpoint.
    if (claims && username === undefined)
      username = (await client.fetchUserInfo(provider, tokens.access_token, claims.sub))[oidc.usernameClaim];
  } catch {
    return refuse('token_exchange_failed');
  }
  if (!claims) return refuse('no_id_token');
  const { iss, sub } = claims;
  let user = await repo.findUserByOidc(db, audit.tenantId, iss, sub);
  let link = false;
  if (!user) {
    const candidate =
      typeof username === 'string' ? await repo.findUserByUsername(db, audit.tenantId, username.toLowerCase()) : undefined;
    if (!candidate || candidate.oidcSubject !== null) return refuse('unknown_identity');
    user = candidate;
    link = true;
  }
  if (user.disabledAt) return refuse('disabled', user.id);
  const mfaVerified = providerVerifiedMfa(claims);
  const signedIn = user;
  const result = await db.transaction(async (tx) => {
    if (link) {
      // Only while still unlinked: two first sign-ins at once cannot link one account twice.
      const linked = await repo.linkOidcIdentity(tx, audit.tenantId, signedIn.id, iss, sub);
      if (!linked && (await repo.findUserByOidc(tx, audit.tenantId, iss, sub))?.id !== signedIn.id) return null;
    }
    const session = await openSession(tx, config, audit.tenantId, signedIn.id, {
      ip: audit.ip ?? '',
      userAgent: input.userAgent,
      mfaVerified,
    });
    await recordAudit(tx, { ...audit, actorUserId: signedIn.id, actorLabel: signedIn.username }, [
      {
        action: 'auth.oidc_login',
        entityType: 'user',
        entityId: signedIn.id,
        reason: mfaVerified ? 'provider_mfa' : 'provider',
        ...(link ? { changes: ['oidc_issuer', 'oidc_subject'] } : {}),
      },
    ]);
    return { token: session.token };
  });
  return result ?? refuse('unknown_identity', signedIn.id);
}

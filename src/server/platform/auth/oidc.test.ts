import { describe, expect, it } from 'vitest';
import { allowsInsecureIssuer, providerVerifiedMfa } from './oidc.js';

describe('the provider’s word on the second factor', () => {
  it('counts amr "mfa" or "otp" and a multi-factor acr', () => {
    expect(providerVerifiedMfa({ amr: ['pwd', 'mfa'] })).toBe(true);
    expect(providerVerifiedMfa({ amr: ['otp'] })).toBe(true);
    expect(providerVerifiedMfa({ acr: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor' })).toBe(true);
    expect(providerVerifiedMfa({ acr: 'https://refeds.org/profile/mfa' })).toBe(true);
  });

  it('does not count a password, an unknown acr or a malformed claim', () => {
    expect(providerVerifiedMfa({})).toBe(false);
    expect(providerVerifiedMfa({ amr: ['pwd'] })).toBe(false);
    expect(providerVerifiedMfa({ amr: 'mfa' })).toBe(false);
    expect(providerVerifiedMfa({ acr: '1' })).toBe(false);
    expect(providerVerifiedMfa({ acr: ['https://refeds.org/profile/mfa'] })).toBe(false);
  });
});

describe('plain http to the provider', () => {
  it('is allowed on loopback outside production only', () => {
    expect(allowsInsecureIssuer(new URL('http://127.0.0.1:4000'), 'test')).toBe(true);
    expect(allowsInsecureIssuer(new URL('http://localhost:4000/realms/x'), 'development')).toBe(true);
    expect(allowsInsecureIssuer(new URL('http://127.0.0.1:4000'), 'production')).toBe(false);
    expect(allowsInsecureIssuer(new URL('http://idp.thessaloniki.gr'), 'development')).toBe(false);
    expect(allowsInsecureIssuer(new URL('http://localhost.example.com'), 'test')).toBe(false);
    expect(allowsInsecureIssuer(new URL('https://idp.thessaloniki.gr'), 'development')).toBe(false);
  });
});

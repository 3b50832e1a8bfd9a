// A real OpenID Connect provider (the oidc-provider package) on a loopback port, for the sign-in tests only.
// Usage: node provider.mjs <port> <client_id> <client_secret> <redirect_uri> <post_logout_redirect_uri>
// People come as JSON in OIDC_ACCOUNTS: {"liwei": {"password": "…", "name": "…", "groups": ["…"]}}.
// Prints "listening <issuer>" once it accepts connections.
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri, postLogoutUri] = process.argv.slice(2);
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? '{}');
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [postLogoutUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ['icp-test-only'] },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const person = accounts[id];
    if (!person) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: person.name, preferred_username: id, groups: person.groups }) };
  },
});

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

// The login page: a plain form; a right password grants the scopes asked for (no consent page).
provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([^/]+)$/);
  if (!match) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (ctx.method === 'GET') {
    ctx.type = 'html';
    ctx.body = `<!doctype html><form method="post" action="/interaction/${details.uid}">
      <input id="login" name="login"><input id="password" name="password" type="password"><button id="submit" type="submit">Sign in</button></form>`;
    return;
  }
  const form = await readForm(ctx.req);
  const login = form.get('login');
  const person = accounts[login];
  if (!person || person.password !== form.get('password')) {
    ctx.status = 401;
    ctx.type = 'html';
    ctx.body = '<p id="error">wrong user name or password</p>';
    return;
  }
  const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  const url = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: login }, consent: { grantId } }, { mergeWithLastSubmission: false });
  ctx.redirect(url);
});

provider.listen(Number(port), '127.0.0.1', () => console.log(`listening ${issuer}`));

using static JobSwipe.InfraLint.Tests.Rules.Secrets.FakeSecrets;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

/// <summary>One generated sample: the detector that must find it, the assignment line, and the secret inside it.</summary>
public sealed record ProviderSample(string Id, string Name, string Secret, string Line);

/// <summary>
/// Random samples of every provider format, written from the providers' documented shapes (prefix, length, alphabet),
/// built at run time from split literals so that nothing secret-shaped sits in the repository, and their look-alikes:
/// the same shape with a filler, a wrong prefix, a wrong length, or a provider-less format under a neutral name.
/// </summary>
public static class ProviderSamples
{
    private const string Lower36 = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string B64 = Alnum + "+/";
    private const string Bech32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
    private const string Base32Lower = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Valid samples: every detector at least once; <paramref name="seed"/> varies the random parts.</summary>
    public static IEnumerable<ProviderSample> Valid(int seed = 1)
    {
        int s = seed * 1000;
        string R(string alphabet, int n) => Random(alphabet, n, ++s);
        string Uuid() => R(Hex, 8) + "-" + R(Hex, 4) + "-4" + R(Hex, 3) + "-a" + R(Hex, 3) + "-" + R(Hex, 12);
        ProviderSample V(string id, string name, string value) => new(id, name, value, name + "=" + value);
        ProviderSample In(string id, string secret, string line) => new(id, "", secret, line);

        yield return V("aws-access-key-id", "AWS_ACCESS_KEY_ID", "AK" + "IA" + R(Base32, 16));
        yield return V("aws-access-key-id", "aws_access_key_id", "AS" + "IA" + R(Base32, 16));
        yield return V("aws-secret-access-key", "AWS_SECRET_ACCESS_KEY", R(B64, 40));
        yield return V("aws-session-token", "AWS_SESSION_TOKEN", "IQoJb3Jp" + "Z2luX2Vj" + R(B64, 300));
        yield return V("aws-bedrock-api-key", "AWS_BEARER_TOKEN_BEDROCK", "AB" + "SK" + R(B64, 120));
        yield return V("gcp-api-key", "GOOGLE_API_KEY", "AI" + "za" + "Sy" + R(UrlSafe, 33));
        yield return V("gcp-oauth-client-secret", "GOOGLE_CLIENT_SECRET", "GOC" + "SPX-" + R(UrlSafe, 28));
        yield return V("firebase-cloud-messaging-key", "FCM_SERVER_KEY", "AAAA" + R(Alnum, 7) + ":APA" + "91b" + R(UrlSafe, 134));
        yield return In("azure-storage-account-key", "", "");
        yield return V("azure-ad-client-secret", "AZURE_CLIENT_SECRET", R(Alnum, 3) + "8Q" + "~" + R(Alnum + "_~.-", 34));
        yield return V("azure-devops-pat", "AZURE_DEVOPS_PAT", R(Base32Lower, 52));
        yield return V("github-token", "GITHUB_TOKEN", "gh" + "p_" + R(Alnum, 36));
        yield return V("github-oauth-token", "GH_OAUTH", "gh" + "o_" + R(Alnum, 36));
        yield return V("github-app-token", "INSTALLATION_TOKEN", "gh" + "s_" + R(Alnum, 36));
        yield return V("github-refresh-token", "GH_REFRESH", "gh" + "r_" + R(Alnum, 76));
        yield return V("github-fine-grained-pat", "GITHUB_PAT", "github" + "_pat_" + R(Alnum, 22) + "_" + R(Alnum, 59));
        yield return V("gitlab-token", "GITLAB_TOKEN", "gl" + "pat-" + R(UrlSafe, 20));
        yield return V("gitlab-token", "CI_DEPLOY_TOKEN", "gl" + "dt-" + R(UrlSafe, 20));
        yield return V("gitlab-token", "TRIGGER_TOKEN", "gl" + "ptt-" + R(Hex, 40));
        yield return V("gitlab-runner-registration-token", "REGISTRATION_TOKEN", "GR134" + "8941" + R(UrlSafe, 20));
        string session = R(Lower36, 32);
        yield return In("gitlab-session-cookie", session, "Cookie: _gitlab_" + "session=" + session);
        yield return V("bitbucket-app-password", "BITBUCKET_APP_PASSWORD", "AT" + "BB" + R(Alnum, 32));
        yield return V("atlassian-api-token", "JIRA_API_TOKEN", "ATA" + "TT3xFfGF0" + R(UrlSafe, 170) + "=" + R(Hex, 8));
        yield return V("atlassian-api-token-legacy", "CONFLUENCE_API_TOKEN", R(Alnum, 24));
        yield return V("bitbucket-client-secret", "BITBUCKET_CLIENT_SECRET", R(Alnum, 64));
        yield return V("slack-bot-token", "SLACK_BOT_TOKEN", "xo" + "xb-" + R(Digits, 12) + "-" + R(Digits, 13) + "-" + R(Alnum, 24));
        yield return V("slack-user-token", "SLACK_USER_TOKEN", "xo" + "xp-" + R(Digits, 12) + "-" + R(Digits, 12) + "-" + R(Digits, 13) + "-" + R(Hex, 32));
        yield return V("slack-app-token", "SLACK_APP_TOKEN", "xa" + "pp-1-" + R(Upper + Digits, 11) + "-" + R(Digits, 13) + "-" + R(Hex, 64));
        yield return V("slack-config-token", "SLACK_CONFIG_TOKEN", "xo" + "xe.xoxp-1-" + R(Alnum, 163));
        yield return V("slack-legacy-token", "SLACK_LEGACY", "xo" + "xs-" + R(Digits, 10) + "-" + R(Digits, 11) + "-" + R(Hex, 32));
        yield return V("slack-webhook", "SLACK_WEBHOOK_URL", "https://hooks.slack" + ".com/services/T" + R(Upper + Digits, 10) + "/B" + R(Upper + Digits, 10) + "/" + R(Alnum, 24));
        yield return V("discord-webhook", "DISCORD_WEBHOOK", "https://discord" + ".com/api/webhooks/" + R(Digits, 19) + "/" + R(UrlSafe, 68));
        yield return V("discord-bot-token", "DISCORD_BOT_TOKEN", "M" + R(Alnum, 25) + "." + R(UrlSafe, 6) + "." + R(UrlSafe, 38));
        yield return V("discord-client-secret", "DISCORD_CLIENT_SECRET", R(UrlSafe, 32));
        yield return V("telegram-bot-token", "TELEGRAM_BOT_TOKEN", R(Digits, 10) + ":A" + "A" + R(UrlSafe, 33));
        yield return V("microsoft-teams-webhook", "TEAMS_WEBHOOK", "https://acme.webhook" + ".office.com/webhookb2/" + Uuid() + "@" + Uuid() + "/IncomingWebhook/" + R(Hex, 32) + "/" + Uuid());
        yield return V("mattermost-access-token", "MATTERMOST_TOKEN", R(Lower36, 26));
        yield return V("stripe-live-key", "STRIPE_SECRET_KEY", "sk" + "_live_" + R(Alnum, 99));
        yield return V("stripe-live-key", "STRIPE_RESTRICTED", "rk" + "_live_" + R(Alnum, 24));
        yield return V("stripe-webhook-secret", "STRIPE_WEBHOOK_SECRET", "wh" + "sec_" + R(Alnum, 32));
        yield return V("square-access-token", "SQUARE_ACCESS_TOKEN", "EA" + "AA" + R(UrlSafe, 60));
        yield return V("square-oauth-secret", "SQUARE_APP_SECRET", "sq0" + "csp-" + R(UrlSafe, 43));
        yield return V("shopify-token", "SHOPIFY_ACCESS_TOKEN", "shp" + "at_" + R(Hex, 32));
        yield return V("braintree-access-token", "BRAINTREE_TOKEN", "access_token" + "$production$" + R(Lower36, 16) + "$" + R(Hex, 32));
        yield return V("paypal-client-secret", "PAYPAL_CLIENT_SECRET", "E" + R(UrlSafe, 79));
        yield return V("flutterwave-key", "FLW_SECRET_KEY", "FLWSE" + "CK-" + R(Hex, 32) + "-X");
        yield return V("gocardless-token", "GOCARDLESS_ACCESS_TOKEN", "li" + "ve_" + R(UrlSafe, 40));
        yield return V("plaid-access-token", "PLAID_ACCESS_TOKEN", "access-" + "production-" + Uuid());
        yield return V("plaid-secret", "PLAID_SECRET", R(Hex, 30));
        yield return V("adyen-api-key", "ADYEN_API_KEY", "AQ" + "E" + R(Alnum, 3) + R(B64 + "_-.", 200));
        yield return V("shippo-token", "SHIPPO_TOKEN", "shippo" + "_live_" + R(Hex, 40));
        yield return V("duffel-token", "DUFFEL_TOKEN", "duffel" + "_test_" + R(UrlSafe, 43));
        yield return V("easypost-api-key", "EASYPOST_API_KEY", "EZ" + "AK" + R(Alnum, 54));
        yield return V("coinbase-secret", "COINBASE_API_SECRET", R(UrlSafe, 64));
        yield return V("chargebee-api-key", "CHARGEBEE_API_KEY", "li" + "ve_" + R(Alnum, 32));
        yield return V("crypto-exchange-key", "KRAKEN_PRIVATE_KEY", R(B64, 88));
        yield return V("finicity-secret", "FINICITY_APP_KEY", R(Alnum, 32));
        yield return V("twilio-api-key", "TWILIO_API_KEY", "S" + "K" + R(Hex, 32));
        yield return V("twilio-auth-token", "TWILIO_AUTH_TOKEN", R(Hex, 32));
        yield return V("sendgrid-api-key", "SENDGRID_API_KEY", "S" + "G." + R(UrlSafe, 22) + "." + R(UrlSafe, 43));
        yield return V("mailgun-key", "MG_KEY", "ke" + "y-" + R(Hex, 32));
        yield return V("mailgun-api-key", "MAILGUN_API_KEY", R(Hex, 32) + "-" + R(Hex, 8) + "-" + R(Hex, 8));
        yield return V("mailchimp-api-key", "MAILCHIMP_KEY", R(Hex, 32) + "-u" + "s" + R(Digits, 2));
        yield return V("brevo-api-key", "BREVO_KEY", "xkey" + "sib-" + R(Hex, 64) + "-" + R(Alnum, 16));
        yield return V("messagebird-api-key", "MESSAGEBIRD_ACCESS_KEY", R(Alnum, 25));
        yield return V("sendbird-token", "SENDBIRD_API_TOKEN", R(Hex, 40));
        yield return V("intercom-token", "INTERCOM_ACCESS_TOKEN", R(UrlSafe, 60));
        yield return V("zendesk-token", "ZENDESK_API_TOKEN", R(Alnum, 40));
        yield return V("typeform-token-legacy", "TYPEFORM_TOKEN", R(Alnum, 44));
        yield return V("typeform-token", "TF_TOKEN", "tf" + "p_" + R(UrlSafe, 59));
        yield return V("heroku-api-key", "HEROKU_API_KEY", "HR" + "KU-AA" + R(UrlSafe, 58));
        yield return V("heroku-api-key-legacy", "HEROKU_API_KEY", Uuid());
        yield return V("flyio-token", "FLY_API_TOKEN", "fo" + "1_" + R(UrlSafe, 43));
        yield return V("flyio-token", "FLY_ACCESS_TOKEN", "fm" + "2_" + R(B64, 200));
        yield return V("digitalocean-token", "DIGITALOCEAN_TOKEN", "do" + "p_v1_" + R(Hex, 64));
        yield return V("cloudflare-api-token", "CLOUDFLARE_API_TOKEN", R(UrlSafe, 40));
        yield return V("cloudflare-global-api-key", "CLOUDFLARE_GLOBAL_KEY", R(Hex, 37));
        yield return V("cloudflare-origin-ca-key", "ORIGIN_CA_KEY", "v1" + ".0-" + R(Hex, 24) + "-" + R(Hex, 146));
        yield return V("vercel-token", "VERCEL_TOKEN", R(Alnum, 24));
        yield return V("netlify-token", "NETLIFY_AUTH_TOKEN", "nf" + "p_" + R(Alnum, 40));
        yield return V("netlify-token-legacy", "NETLIFY_AUTH_TOKEN", R(UrlSafe, 43));
        yield return V("supabase-secret-key", "SUPABASE_SECRET_KEY", "sb_" + "secret_" + R(UrlSafe, 32));
        yield return V("supabase-access-token", "SUPABASE_ACCESS_TOKEN", "sb" + "p_" + R(Hex, 40));
        yield return V("scalingo-token", "SCALINGO_API_TOKEN", "tk-" + "us-" + R(UrlSafe, 48));
        yield return V("openshift-token", "OC_TOKEN", "sha256" + "~" + R(UrlSafe, 43));
        yield return V("planetscale-token", "DATABASE_PASSWORD", "pscale" + "_pw_" + R(UrlSafe, 43));
        yield return V("pulumi-token", "PULUMI_ACCESS_TOKEN", "pu" + "l-" + R(Hex, 40));
        yield return V("prefect-token", "PREFECT_API_KEY", "pn" + "u_" + R(Alnum, 36));
        yield return V("defined-networking-token", "DN_API_KEY", "dnkey" + "-" + R(Lower36, 26) + "-" + R(Lower36, 52));
        yield return V("harness-token", "HARNESS_TOKEN", "pa" + "t." + R(UrlSafe, 22) + "." + R(Lower36, 24) + "." + R(Alnum, 20));
        yield return V("castai-api-key", "CASTAI_API_TOKEN", "castai" + "_v1_" + R(Hex, 64));
        yield return V("settlemint-token", "SETTLEMINT_TOKEN", "sm_" + "pat_" + R(Alnum, 16));
        yield return V("fastly-api-token", "FASTLY_API_TOKEN", R(UrlSafe, 32));
        yield return V("codecov-token", "CODECOV_TOKEN", Uuid());
        yield return V("droneci-token", "DRONE_TOKEN", R(Alnum, 32));
        yield return V("travisci-token", "TRAVIS_TOKEN", R(UrlSafe, 22));
        yield return V("openai-api-key", "OPENAI_API_KEY", "sk-" + "proj-" + R(UrlSafe, 64) + "T3Blbk" + "FJ" + R(UrlSafe, 64));
        yield return V("openai-api-key", "OPENAI_KEY", "sk-" + R(Alnum, 20) + "T3Blbk" + "FJ" + R(Alnum, 20));
        yield return V("anthropic-api-key", "ANTHROPIC_API_KEY", "sk-" + "ant-api03-" + R(UrlSafe, 93) + "AA");
        yield return V("huggingface-token", "HF_TOKEN", "h" + "f_" + R(Upper + Lower, 34));
        yield return V("cohere-api-key", "COHERE_API_KEY", R(Alnum, 40));
        yield return V("replicate-token", "REPLICATE_API_TOKEN", "r" + "8_" + R(Alnum, 37));
        yield return V("perplexity-api-key", "PERPLEXITY_API_KEY", "pp" + "lx-" + R(Alnum, 48));
        yield return V("groq-api-key", "GROQ_API_KEY", "gs" + "k_" + R(Alnum, 52));
        yield return V("langsmith-api-key", "LANGSMITH_API_KEY", "lsv2" + "_pt_" + R(Hex, 32) + "_" + R(Hex, 10));
        yield return V("privateai-api-key", "PRIVATEAI_API_KEY", R(Alnum, 32));
        yield return V("npm-token", "NPM_TOKEN", "np" + "m_" + R(Alnum, 36));
        yield return V("pypi-token", "PYPI_TOKEN", "pypi-" + "AgEIcHlwaS5vcmc" + R(UrlSafe, 120));
        yield return V("nuget-api-key", "NUGET_API_KEY", "oy" + "2" + R(Lower36, 43));
        yield return In("nuget-config-password", "", "");
        yield return V("dockerhub-token", "DOCKERHUB_TOKEN", "dckr" + "_pat_" + R(UrlSafe, 27));
        yield return V("jfrog-api-key", "ARTIFACTORY_API_KEY", "AK" + "Cp" + R(Alnum, 69));
        yield return V("jfrog-identity-token", "JFROG_ACCESS_TOKEN", "cmVmd" + "Gtu" + R(Alnum, 56));
        yield return V("rubygems-api-key", "GEM_HOST_API_KEY", "rubygems" + "_" + R(Hex, 48));
        yield return V("clojars-token", "CLOJARS_TOKEN", "CLOJARS" + "_" + R(Lower36, 60));
        yield return V("readme-api-key", "README_API_KEY", "rd" + "me_" + R(Lower36, 70));
        yield return V("sidekiq-credentials", "BUNDLE_ENTERPRISE__CONTRIBSYS__COM", R(Hex, 8) + ":" + R(Hex, 8));
        yield return V("vault-token", "VAULT_TOKEN", "hv" + "s." + R(UrlSafe, 95));
        yield return V("vault-token-legacy", "VAULT_TOKEN", "s." + R(Alnum, 24));
        yield return V("terraform-cloud-token", "TFE_TOKEN", R(Alnum, 14) + ".atlas" + "v1." + R(UrlSafe, 67));
        yield return V("doppler-token", "DOPPLER_TOKEN", "dp." + "st.prd." + R(Alnum, 43));
        yield return V("onepassword-service-account-token", "OP_SERVICE_ACCOUNT_TOKEN", "ops_" + "eyJ" + R(B64, 300));
        yield return V("onepassword-secret-key", "OP_SECRET_KEY", "A" + "3-" + R(Upper + Digits, 6) + "-" + R(Upper + Digits, 11) + "-" + R(Upper + Digits, 5) + "-" + R(Upper + Digits, 5) + "-" + R(Upper + Digits, 5));
        yield return V("age-secret-key", "SOPS_AGE_KEY", "AGE-SECRET" + "-KEY-1" + R(Bech32, 58));
        yield return V("infracost-api-key", "INFRACOST_API_KEY", "ic" + "o-" + R(Alnum, 32));
        yield return V("octopus-deploy-api-key", "OCTOPUS_API_KEY", "AP" + "I-" + R(Upper + Digits, 28));
        yield return V("launchdarkly-key", "LD_API_KEY", "ap" + "i-" + Uuid());
        yield return V("databricks-token", "DATABRICKS_TOKEN", "da" + "pi" + R(Hex, 32));
        yield return V("snowflake-password", "SNOWFLAKE_PASSWORD", R(Alnum, 10) + "!" + R(Digits, 3));
        yield return V("postman-api-key", "POSTMAN_API_KEY", "PM" + "AK-" + R(Hex, 24) + "-" + R(Hex, 34));
        yield return V("clickhouse-cloud-key", "CLICKHOUSE_KEY_SECRET", "4b" + "1d" + R(Alnum, 38));
        yield return V("maxmind-license-key", "MAXMIND_LICENSE_KEY", R(Alnum, 6) + "_" + R(Alnum, 29) + "_m" + "mk");
        yield return V("maxmind-license-key-legacy", "GEOIPUPDATE_LICENSE_KEY", R(Alnum, 16));
        yield return V("sourcegraph-token", "SRC_ACCESS_TOKEN", "sg" + "p_" + R(Hex, 16) + "_" + R(Hex, 40));
        yield return V("dynatrace-token", "DT_API_TOKEN", "dt0c" + "01." + R(Upper + Digits, 24) + "." + R(Upper + Digits, 64));
        yield return V("frameio-token", "FRAMEIO_TOKEN", "fio" + "-u-" + R(UrlSafe, 64));
        yield return V("contentful-token", "CONTENTFUL_MANAGEMENT_TOKEN", "CFP" + "AT-" + R(UrlSafe, 43));
        yield return V("intra42-secret", "FT_SECRET", "s-s4" + "t2ud-" + R(Hex, 64));
        yield return V("authress-key", "AUTHRESS_KEY", "sc" + "_" + R(Lower36, 20) + "." + R(Lower36, 5) + ".ac" + "c_" + R(Lower36, 20) + "." + R(B64, 60));
        yield return V("airtable-token", "AIRTABLE_TOKEN", "pa" + "t" + R(Alnum, 14) + "." + R(Hex, 64));
        yield return V("alibaba-access-key-id", "ALIBABA_ACCESS_KEY_ID", "LT" + "AI" + R(Alnum, 20));
        yield return V("alibaba-secret-key", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", R(Alnum, 30));
        yield return V("yandex-token", "YC_API_KEY", "AQ" + "VN" + R(UrlSafe, 36));
        yield return V("mapbox-secret-token", "MAPBOX_SECRET_TOKEN", "sk" + ".eyJ" + R(UrlSafe, 60) + "." + R(UrlSafe, 22));
        yield return V("dropbox-token", "DROPBOX_ACCESS_TOKEN", "s" + "l." + R(UrlSafe, 138));
        yield return V("new-relic-key", "NEW_RELIC_API_KEY", "NR" + "AK-" + R(Upper + Digits, 27));
        yield return V("new-relic-key", "NEW_RELIC_LICENSE_KEY", R(Hex, 36) + "NR" + "AL");
        yield return V("grafana-token", "GRAFANA_SERVICE_ACCOUNT_TOKEN", "gl" + "sa_" + R(Alnum, 32) + "_" + R(Hex, 8));
        yield return V("grafana-token", "GRAFANA_CLOUD_TOKEN", "gl" + "c_" + R(B64, 120));
        yield return V("datadog-key", "DD_API_KEY", R(Hex, 32));
        yield return V("datadog-key", "DATADOG_APP_KEY", R(Hex, 40));
        yield return V("sentry-token", "SENTRY_AUTH_TOKEN", "sntr" + "ys_eyJ" + R(B64, 120));
        yield return V("sentry-token", "SENTRY_USER_TOKEN", "sntr" + "yu_" + R(Hex, 64));
        yield return V("sentry-token-legacy", "SENTRY_AUTH_TOKEN", R(Hex, 64));
        yield return V("notion-token", "NOTION_TOKEN", "nt" + "n_" + R(Digits, 11) + R(Alnum, 35));
        yield return V("linear-api-key", "LINEAR_API_KEY", "lin" + "_api_" + R(Alnum, 40));
        yield return V("okta-api-token", "OKTA_API_TOKEN", "00" + R(UrlSafe, 40));
        yield return V("auth0-client-secret", "AUTH0_CLIENT_SECRET", R(UrlSafe, 64));
        yield return V("snyk-token", "SNYK_TOKEN", Uuid());
        yield return V("sonar-token", "SONAR_TOKEN", "sq" + "p_" + R(Hex, 40));
        yield return V("sonar-token-legacy", "SONAR_TOKEN", R(Hex, 40));
        yield return V("hubspot-private-app-token", "HUBSPOT_ACCESS_TOKEN", "pat" + "-na1-" + Uuid());
        yield return V("hubspot-api-key", "HUBSPOT_API_KEY", Uuid());
        yield return V("facebook-access-token", "FB_ACCESS_TOKEN", "EA" + "AB" + R(Alnum, 150));
        yield return V("facebook-app-secret", "FACEBOOK_APP_SECRET", R(Hex, 32));
        yield return V("twitter-secret", "TWITTER_API_SECRET", R(Alnum, 50));
        yield return V("linkedin-client-secret", "LINKEDIN_CLIENT_SECRET", R(Alnum, 16));
        yield return V("twitch-token", "TWITCH_CLIENT_SECRET", R(Lower36, 30));
        yield return V("sumologic-access-key", "SUMO_ACCESS_KEY", R(Alnum, 64));
        yield return V("algolia-api-key", "ALGOLIA_ADMIN_KEY", R(Hex, 32));
        yield return V("asana-token", "ASANA_PAT", "2/" + R(Digits, 16) + "/" + R(Digits, 16) + ":" + R(Hex, 32));
        yield return V("adafruit-api-key", "ADAFRUIT_IO_KEY", R(UrlSafe, 32));
        yield return V("adobe-client-secret", "ADOBE_CLIENT_SECRET", "p8" + "e-" + R(Alnum, 32));
        yield return V("beamer-api-token", "BEAMER_API_KEY", "b_" + R(UrlSafe, 44));
        yield return V("confluent-secret", "CONFLUENT_API_SECRET", R(B64, 64));
        yield return V("etsy-api-key", "ETSY_API_KEY", R(Lower36, 24));
        yield return V("flickr-api-key", "FLICKR_API_KEY", R(Lower36, 32));
        yield return V("freshbooks-token", "FRESHBOOKS_TOKEN", R(Lower36, 64));
        yield return V("gitter-token", "GITTER_TOKEN", R(Lower36, 40));
        yield return V("looker-client-secret", "LOOKER_CLIENT_SECRET", R(Alnum, 24));
        yield return V("lob-api-key", "LOB_API_KEY", "li" + "ve_" + R(Hex, 35));
        yield return V("nytimes-api-key", "NYTIMES_API_KEY", R(UrlSafe, 32));
        yield return V("rapidapi-key", "RAPIDAPI_KEY", R(UrlSafe, 50));
        yield return V("squarespace-api-key", "SQUARESPACE_API_KEY", Uuid());
        yield return V("freemius-secret-key", "FREEMIUS_SECRET_KEY", "sk" + "_" + R(Alnum, 29));
        yield return V("private-key", "KEY", PrivateKey(++s).Replace("\n", "\\n", StringComparison.Ordinal));
        yield return In("putty-private-key", "", "");
        yield return V("jwt", "SUPABASE_SERVICE_ROLE_KEY", Jwt("{\"iss\":\"supabase\",\"ref\":\"" + R(Lower, 20) + "\",\"role\":\"service_role\",\"iat\":17" + R(Digits, 8) + "}", ++s));
        string bearer = R(Alnum, 40);
        yield return In("curl-auth-header", bearer, "curl -s -H \"Authorization: Bearer " + bearer + "\" https://api.acme.test/v1/items");
        string curlPassword = R(Alnum, 12) + "#" + R(Digits, 2);
        yield return In("curl-user-password", curlPassword, "curl -fsS -u deploy:" + curlPassword + " https://ci.acme.test/job/build");
        string urlPassword = R(Alnum, 20);
        yield return In("url-password", urlPassword, "DATABASE_URL=postgresql://app:" + urlPassword + "@db.internal:5432/app");
        string adoPassword = R(Alnum, 16);
        yield return In("connection-string-password", adoPassword, "ConnectionStrings__Default=Server=sql;Database=app;User Id=sa;Password=" + adoPassword + ";TrustServerCertificate=true");
        string jdbcPassword = R(Alnum, 14);
        yield return In("jdbc-password", jdbcPassword, "spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=" + jdbcPassword);
        string accountKey = R(B64, 86) + "==";
        yield return In("azure-storage-account-key", accountKey, "AZURE_STORAGE=DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=" + accountKey + ";EndpointSuffix=core.windows.net");
        string sharedKey = R(B64, 43) + "=";
        yield return In("azure-shared-access-key", sharedKey, "SERVICEBUS=Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" + sharedKey);
        string sig = R(Alnum, 40) + "%2B" + R(Alnum, 8) + "%3D";
        yield return In("azure-sas-token", sig, "BLOB_SAS_URL=https://acme.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=" + sig);
        string nugetPassword = R(Alnum, 20);
        yield return In("nuget-config-password", nugetPassword, "<add key=\"ClearTextPassword\" value=\"" + nugetPassword + "\" />");
        string putty = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n" + R(B64, 64) + "\n" + R(B64, 20) + "\nPrivate-Lines: 1\n" + R(B64, 44) + "\n";
        yield return In("putty-private-key", putty, putty + "Private-MAC: " + R(Hex, 64));
    }

    /// <summary>The valid samples with their placeholders (the <c>In</c> entries written later) dropped.</summary>
    public static IEnumerable<ProviderSample> ValidSamples(int seed = 1) => Valid(seed).Where(v => v.Secret.Length > 0);

    /// <summary>
    /// Look-alikes of each valid sample that must not be reported: the random part replaced by a filler, by a run of one
    /// character, or cut to half its length, and the value moved under a neutral name (which only matters for formats
    /// without a prefix).
    /// </summary>
    public static IEnumerable<(string Why, string Line)> LookAlikes(int seed = 1)
    {
        foreach (var sample in ValidSamples(seed))
        {
            string secret = sample.Secret;
            string keep = IsContextFormat(sample.Id) ? "" : secret[..Math.Min(secret.Length - 1, PrefixLength(secret))];
            string rest = secret[keep.Length..];
            yield return (sample.Id + ": filler", sample.Line.Replace(secret, keep + new string('x', rest.Length), StringComparison.Ordinal));
            yield return (sample.Id + ": one character", sample.Line.Replace(secret, keep + new string('A', rest.Length), StringComparison.Ordinal));
            if (sample.Name.Length > 0 && IsContextFormat(sample.Id))
            {
                yield return (sample.Id + ": neutral name", "build_number=" + secret);
            }
        }

        int s = seed * 7919;
        string R(string alphabet, int n) => Random(alphabet, n, ++s);

        // Shapes that resemble provider formats and are not credentials.
        yield return ("google-shaped, 34 characters", "sample_value=AI" + "za" + R(UrlSafe, 34));
        yield return ("google-shaped, 36 characters", "sample_value=AI" + "za" + R(UrlSafe, 36));
        yield return ("google-shaped, lower-case prefix", "value=ai" + "za" + R(UrlSafe, 35));
        yield return ("google-shaped, documentation filler", "GOOGLE_API_KEY=AI" + "zaSy" + new string('X', 33));
        yield return ("aws-shaped, documentation example", "AWS_ACCESS_KEY_ID=AK" + "IAIOSFODNN7" + "EXAMPLE");
        yield return ("aws-shaped, lower case", "id=ak" + "ia" + R(Base32, 16).ToLowerInvariant());
        yield return ("aws-shaped, in a longer word", "sha=XAK" + "IA" + R(Base32, 16));
        yield return ("github-shaped, 35 characters", "sample_value=gh" + "p_" + R(Alnum, 35));
        yield return ("stripe test key", "stripe_test_mode=sk" + "_test_" + R(Alnum, 24));
        yield return ("stripe publishable key", "STRIPE_PK=pk" + "_live_" + R(Alnum, 24));
        yield return ("slack placeholder", "SLACK_BOT_TOKEN=xo" + "xb-your-bot-token");
        yield return ("jwt without signature", "sample_value=" + Base64Url("{\"alg\":\"none\"}") + "." + Base64Url("{\"sub\":\"x\"}") + ".");
        yield return ("jwt.io example", "sample_value=" + Jwt("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}", ++s));
        yield return ("git commit hash", "commit: " + R(Hex, 40));
        yield return ("image digest", "image: app@sha256:" + R(Hex, 64));
        yield return ("integrity hash", "\"integrity\": \"sha512-" + R(B64, 86) + "==\"");
        yield return ("uuid under a neutral name", "request_id=" + R(Hex, 8) + "-" + R(Hex, 4) + "-4" + R(Hex, 3) + "-a" + R(Hex, 3) + "-" + R(Hex, 12));
        yield return ("url without credentials", "API_URL=https://api.acme.test:8443/v1/items");
        yield return ("url password reference", "DATABASE_URL=postgresql://app:${DB_PASSWORD}@db:5432/app");
        yield return ("url password default", "DATABASE_URL=postgresql://postgres:postgres@localhost:5432/app");
        yield return ("connection string placeholder", "ConnectionStrings__Default=Server=sql;Database=app;User Id=sa;Password=<your-password>");
        yield return ("connection string reference", "ConnectionStrings__Default=Server=sql;Database=app;User Id=sa;Password=${SQL_PASSWORD}");
        yield return ("private key elided", "KEY=-----BEGIN RSA PRIV" + "ATE KEY-----\\nMIIEow...\\n-----END RSA PRIV" + "ATE KEY-----");
        yield return ("public key", "-----BEGIN PUBLIC KEY-----\n" + R(B64, 128) + "\n-----END PUBLIC KEY-----");
        yield return ("base64 image", "icon: data:image/png;base64," + R(B64, 120));
        yield return ("twilio account sid", "TWILIO_ACCOUNT_SID=A" + "C" + R(Hex, 32));
        yield return ("mailchimp-shaped without region", "hash=" + R(Hex, 32) + "-us");
        yield return ("sendgrid-shaped, wrong lengths", "SENDGRID=S" + "G." + R(UrlSafe, 10) + "." + R(UrlSafe, 20));
    }

    // Formats without a prefix of their own, recognised only next to the provider's name.
    private static bool IsContextFormat(string id) =>
        JobSwipe.InfraLint.Semantics.Secrets.SecretPatterns.Detectors.First(d => d.Id == id).Pattern.StartsWith("(?i:", StringComparison.Ordinal);

    // The literal prefix a sample keeps in its look-alikes (ghp_, sk_live_, dop_v1_); none for formats without one.
    private static int PrefixLength(string secret) => System.Text.RegularExpressions.Regex.Match(secret, "^(?:[a-z0-9]{1,7}[_.~-]){1,3}").Length;
}

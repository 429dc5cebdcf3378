using System.Text.RegularExpressions;

namespace JobSwipe.InfraLint.Semantics.Secrets;

/// <summary>
/// The provider detectors, one entry per documented token format. Written from each provider's own description of its
/// tokens (prefix, length, alphabet); formats without a prefix are only recognised next to the provider's name
/// (<see cref="Near"/>). The table in docs/rules/JSI5001.md lists them all with a redacted example.
/// </summary>
public static partial class SecretPatterns
{
    // Not preceded / followed by a token character, so that a format is never found inside a longer word.
    // A base64 blob (a data: URI, a font, a HAR body) holds every short prefix somewhere: + and / count as token characters.
    private const string B = @"(?<![A-Za-z0-9_\-+/])";
    private const string E = @"(?![A-Za-z0-9_\-+/])";
    private const string B64E = @"(?![A-Za-z0-9_\-+/=])";

    // Formats that are a password by position rather than by shape: like the generic detector, not run where samples live.
    private static readonly HashSet<string> PasswordFormats = new(StringComparer.Ordinal)
    {
        "url-password", "connection-string-password", "jdbc-password", "curl-auth-header", "curl-user-password", "nuget-config-password", "snowflake-password",
    };

    /// <summary>
    /// True for a match judged by where a value stands rather than by a documented format: the generic assignment
    /// detector and the password-by-position formats (a URL's or a connection string's password).
    /// </summary>
    public static bool IsJudgedByPosition(SecretMatch match) => match.DetectorId == "generic-assignment" || PasswordFormats.Contains(match.DetectorId);

    /// <summary>Every provider detector (the generic assignment detector is <see cref="GenericAssignments"/>).</summary>
    public static IReadOnlyList<SecretDetector> Detectors { get; } =
    [
        // Amazon Web Services
        D("aws-access-key-id", "an AWS access key ID", ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"],
            @"(?<![A-Za-z0-9+/\-])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9+/\-])", 3.0),
        D("aws-secret-access-key", "an AWS secret access key", ["aws"],
            @"(?i:aws)[A-Za-z0-9_.\-]{0,30}(?i:secret|private)[A-Za-z0-9_.\-]{0,20}[""']?\s*(?::=|=>|=|:)\s*[""']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])", 4.0),
        D("aws-session-token", "an AWS session token", ["aws_session_token", "aws_security_token", "IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdz"],
            @"(?<secret>(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz)[A-Za-z0-9/+]{100,}={0,2})" + B64E + @"|(?i:aws_(?:session|security)_token)[""']?\s*(?::=|=>|=|:)\s*[""']?(?<secret>[A-Za-z0-9/+]{100,}={0,2})" + B64E, 4.0),
        D("aws-bedrock-api-key", "an Amazon Bedrock API key", ["ABSK", "bedrock-api-key-"],
            @"(?<![A-Za-z0-9])(?<secret>ABSK[A-Za-z0-9+/]{100,}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/%=]{60,})" + B64E, 4.0),

        // Google
        D("gcp-api-key", "a Google API key", ["AIza"], B + @"(?<secret>AIza[A-Za-z0-9_\-]{35})" + E, 4.0),
        D("gcp-oauth-client-secret", "a Google OAuth client secret", ["GOCSPX-"], B + @"(?<secret>GOCSPX-[A-Za-z0-9_\-]{28})" + E, 3.5),
        D("firebase-cloud-messaging-key", "a Firebase Cloud Messaging server key", ["APA91b"],
            B + @"(?<secret>AAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]{134})" + E, 4.0),

        // Microsoft Azure
        D("azure-storage-account-key", "an Azure storage account key", ["accountkey"],
            @"(?i:AccountKey)\s*=\s*(?<secret>[A-Za-z0-9+/]{86}==)", 4.0, v => v.StartsWith("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq", StringComparison.Ordinal)),
        D("azure-shared-access-key", "an Azure shared access key", ["sharedaccesskey"],
            @"(?i:SharedAccessKey)\s*=\s*(?<secret>[A-Za-z0-9+/]{42,44}={0,2})(?![A-Za-z0-9+/=])", 4.0),
        D("azure-sas-token", "an Azure shared access signature", ["sig="],
            @"[?&;](?:sv=\d{4}-\d{2}-\d{2}&)?[A-Za-z0-9=&%:.\-]{0,300}?\bsig=(?<secret>[A-Za-z0-9%+/]{40,100}(?:%3D|=){0,2})(?![A-Za-z0-9%+/])", 4.0),
        D("azure-ad-client-secret", "a Microsoft Entra ID (Azure AD) client secret", ["q~"],
            @"(?<![A-Za-z0-9_~.\-])(?<secret>[A-Za-z0-9_~.\-]{3}\dQ~[A-Za-z0-9_~.\-]{31,34})(?![A-Za-z0-9_~.\-])", 3.5),
        Near("azure-devops-pat", "an Azure DevOps personal access token", ["azure_devops", "azure-devops", "azuredevops", "ado_pat", "azdo", "system_accesstoken"], "[a-z2-7]{52}", 3.5),

        // GitHub
        D("github-token", "a GitHub personal access token", ["ghp_"], B + @"(?<secret>ghp_[A-Za-z0-9]{36})" + E, 3.0),
        D("github-oauth-token", "a GitHub OAuth access token", ["gho_"], B + @"(?<secret>gho_[A-Za-z0-9]{36})" + E, 3.0),
        D("github-app-token", "a GitHub App token", ["ghu_", "ghs_"], B + @"(?<secret>gh[us]_[A-Za-z0-9]{36})" + E, 3.0),
        D("github-refresh-token", "a GitHub refresh token", ["ghr_"], B + @"(?<secret>ghr_[A-Za-z0-9]{36,76})" + E, 3.0),
        D("github-fine-grained-pat", "a GitHub fine-grained personal access token", ["github_pat_"], B + @"(?<secret>github_pat_[A-Za-z0-9_]{82})" + E, 3.0),

        // GitLab
        D("gitlab-token", "a GitLab token", ["glpat-", "gloas-", "gldt-", "glrt-", "glrtr-", "glcbt-", "glptt-", "glft-", "glimt-", "glagent-", "glsoat-", "glffct-", "glwt-"],
            B + @"(?<secret>gl(?:pat|oas|dt|rtr|rt|cbt|ptt|ft|imt|agent|soat|ffct|wt)-[A-Za-z0-9_\-]{20,}(?:\.[A-Za-z0-9_\-.]{2,})?)" + E, 3.0),
        D("gitlab-runner-registration-token", "a GitLab runner registration token", ["GR1348941"], B + @"(?<secret>GR1348941[A-Za-z0-9_\-]{20})" + E, 3.0),
        D("gitlab-session-cookie", "a GitLab session cookie", ["_gitlab_session="], @"_gitlab_session=(?<secret>[0-9a-z]{32})" + E, 3.0),

        // Bitbucket, Atlassian
        D("bitbucket-app-password", "a Bitbucket app password", ["ATBB"], B + @"(?<secret>ATBB[A-Za-z0-9_=.\-]{32,})" + E, 3.5),
        D("atlassian-api-token", "an Atlassian API token", ["ATATT3", "ATCTT3"], B + @"(?<secret>AT[AC]TT3[A-Za-z0-9_\-=]{150,250})" + E, 4.0),
        Near("atlassian-api-token-legacy", "an Atlassian API token", ["atlassian", "jira", "confluence"], "[A-Za-z0-9]{24}", 3.5),
        Near("bitbucket-client-secret", "a Bitbucket client secret", ["bitbucket"], "[A-Za-z0-9_=\\-]{32,64}", 3.5),

        // Slack, Discord, Telegram, Microsoft Teams, Mattermost
        D("slack-bot-token", "a Slack bot token", ["xoxb-"], B + @"(?<secret>xoxb-\d{10,13}-\d{10,13}[A-Za-z0-9\-]{20,40})" + E, 3.0),
        D("slack-user-token", "a Slack user token", ["xoxp-"], B + @"(?<secret>xoxp-\d{10,13}-\d{10,13}-\d{10,13}-[a-f0-9A-Za-z]{28,40})" + E, 3.0),
        D("slack-app-token", "a Slack app-level token", ["xapp-"], B + @"(?<secret>xapp-\d-[A-Z0-9]{9,12}-\d{10,14}-[a-f0-9]{64})" + E, 3.0),
        D("slack-config-token", "a Slack configuration token", ["xoxe.xox", "xoxe-"], B + @"(?<secret>xoxe\.xox[bp]-1-[A-Za-z0-9]{140,180}|xoxe-1-[A-Za-z0-9]{140,170})" + E, 4.0),
        D("slack-legacy-token", "a Slack legacy token", ["xoxa-", "xoxo-", "xoxr-", "xoxs-"], B + @"(?<secret>xox[aors]-(?:\d+-){1,4}[A-Za-z0-9]{8,64})" + E, 3.0),
        D("slack-webhook", "a Slack webhook URL", ["hooks.slack.com"],
            @"(?<secret>(?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\-]{43,80})(?![A-Za-z0-9+/_\-])", 3.0),
        D("discord-webhook", "a Discord webhook URL", ["discord.com/api/webhooks/", "discordapp.com/api/webhooks/"],
            @"(?<secret>https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_\-]{60,80})" + E, 3.5),
        Near("discord-bot-token", "a Discord bot token", ["discord"], @"[MNO][A-Za-z0-9_\-]{23,27}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,40}", 4.0),
        Near("discord-client-secret", "a Discord client secret", ["discord"], "[A-Za-z0-9_\\-]{32}", 3.5),
        D("telegram-bot-token", "a Telegram bot token", [":aa"], @"(?<![A-Za-z0-9_:])(?<secret>\d{8,10}:AA[A-Za-z0-9_\-]{33})" + E, 3.5),
        D("microsoft-teams-webhook", "a Microsoft Teams webhook URL", ["webhook.office.com"],
            @"(?<secret>https://[a-z0-9\-]+\.webhook\.office\.com/webhookb2/[a-f0-9\-]{36}@[a-f0-9\-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9\-]{36}(?:/[A-Za-z0-9_\-]+)?)", 3.5),
        Near("mattermost-access-token", "a Mattermost access token", ["mattermost"], "[a-z0-9]{26}", 3.5),

        // Payments
        D("stripe-live-key", "a Stripe live secret key", ["sk_live_", "rk_live_"], B + @"(?<secret>[sr]k_live_[A-Za-z0-9]{20,247})" + E, 3.0),
        D("stripe-webhook-secret", "a webhook signing secret (Stripe, Standard Webhooks)", ["whsec_"], B + @"(?<secret>whsec_[A-Za-z0-9]{32,64})" + E, 3.5),
        D("square-access-token", "a Square access token", ["EAAA", "sq0atp-", "sq0atb-"], B + @"(?<secret>EAAA[A-Za-z0-9_\-]{60}|sq0at[pb]-[A-Za-z0-9_\-]{22,60})" + E, 3.5),
        D("square-oauth-secret", "a Square OAuth application secret", ["sq0csp-"], B + @"(?<secret>sq0csp-[A-Za-z0-9_\-]{43})" + E, 3.5),
        D("shopify-token", "a Shopify access token or shared secret", ["shpat_", "shpca_", "shppa_", "shpss_"], B + @"(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})" + E, 3.0),
        D("braintree-access-token", "a PayPal Braintree access token", ["access_token$"], @"(?<secret>access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32})" + E, 3.0),
        Near("paypal-client-secret", "a PayPal client secret", ["paypal"], "E[A-Za-z0-9_\\-]{79}", 4.0),
        D("flutterwave-key", "a Flutterwave secret key", ["flwseck", "flwseck_test"], B + @"(?<secret>FLWSECK(?:_TEST)?-[a-fA-F0-9]{32}-X|FLWSECK_TEST[a-fA-F0-9]{12})" + E, 3.0),
        D("gocardless-token", "a GoCardless access token", ["gocardless"], @"(?i:gocardless)[A-Za-z0-9_.\-]{0,40}?[""']?\s*(?::=|=>|=|:)\s*[""']?(?<secret>live_[A-Za-z0-9_\-=]{40})" + E, 3.5),
        D("plaid-access-token", "a Plaid access token", ["access-production-", "access-development-"],
            B + @"(?<secret>access-(?:production|development)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})" + E, 3.0),
        Near("plaid-secret", "a Plaid secret", ["plaid"], "[a-f0-9]{30}", 3.0),
        D("adyen-api-key", "an Adyen API key", ["AQE"], B + @"(?<secret>AQE[A-Za-z0-9]{3}[A-Za-z0-9+/=_\-.]{120,400})" + E, 4.5),
        D("shippo-token", "a Shippo API token", ["shippo_live_", "shippo_test_"], B + @"(?<secret>shippo_(?:live|test)_[a-f0-9]{40})" + E, 3.0),
        D("duffel-token", "a Duffel API token", ["duffel_live_", "duffel_test_"], B + @"(?<secret>duffel_(?:live|test)_[A-Za-z0-9_\-=]{43})" + E, 3.5),
        D("easypost-api-key", "an EasyPost API key", ["EZAK", "EZTK"], B + @"(?<secret>EZ[AT]K[A-Za-z0-9]{54})" + E, 3.5),
        Near("coinbase-secret", "a Coinbase API secret", ["coinbase"], "[A-Za-z0-9_\\-]{64}", 4.0),
        Near("chargebee-api-key", "a Chargebee API key", ["chargebee"], "(?:live|test)_[A-Za-z0-9]{26,40}", 3.5),
        Near("crypto-exchange-key", "a crypto exchange API secret (Kraken, KuCoin, Bittrex)", ["kraken", "kucoin", "bittrex"], "[A-Za-z0-9/+=_\\-]{32,90}", 4.0),
        Near("finicity-secret", "a Finicity or Finnhub API secret", ["finicity", "finnhub"], "[A-Za-z0-9]{20,32}", 3.5),

        // Messaging, e-mail
        D("twilio-api-key", "a Twilio API key", ["SK"], @"(?<![A-Za-z0-9])(?<secret>SK[0-9a-f]{32})(?![A-Za-z0-9])", 3.0),
        Near("twilio-auth-token", "a Twilio auth token", ["twilio"], "[a-f0-9]{32}", 3.0),
        D("sendgrid-api-key", "a SendGrid API key", ["SG."], B + @"(?<secret>SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})" + E, 3.0),
        D("mailgun-key", "a Mailgun API key", ["key-", "pubkey-"], @"(?<![A-Za-z0-9_\-])(?<secret>key-[a-f0-9]{32})" + E, 3.0),
        Near("mailgun-api-key", "a Mailgun API key", ["mailgun"], "[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}", 3.0),
        D("mailchimp-api-key", "a Mailchimp API key", ["-us"], B + @"(?<secret>[a-f0-9]{32}-us\d{1,2})" + E, 3.0),
        D("brevo-api-key", "a Brevo (Sendinblue) API key", ["xkeysib-", "xsmtpsib-"], B + @"(?<secret>x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16})" + E, 3.0),
        Near("messagebird-api-key", "a MessageBird API key", ["messagebird", "message_bird", "message-bird"], "[A-Za-z0-9]{25}", 3.5),
        Near("sendbird-token", "a Sendbird API token", ["sendbird"], "[a-f0-9]{40}", 3.0),
        Near("intercom-token", "an Intercom access token", ["intercom"], "[A-Za-z0-9=_\\-]{60}", 4.0),
        Near("zendesk-token", "a Zendesk API token", ["zendesk"], "[A-Za-z0-9]{40}", 3.5),
        Near("typeform-token-legacy", "a Typeform token", ["typeform"], "[A-Za-z0-9]{44}", 3.5),
        D("typeform-token", "a Typeform personal access token", ["tfp_"], B + @"(?<secret>tfp_[A-Za-z0-9_\-.=]{59})" + E, 3.5),

        // Hosting and platforms
        D("heroku-api-key", "a Heroku API key", ["HRKU-"], B + @"(?<secret>HRKU-AA[A-Za-z0-9_\-]{58})" + E, 3.5),
        Near("heroku-api-key-legacy", "a Heroku API key", ["heroku"], "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 3.0),
        D("flyio-token", "a Fly.io access token", ["fo1_", "fm1", "fm2_"], @"(?<![A-Za-z0-9_])(?<secret>fo1_[A-Za-z0-9_\-]{43}|fm(?:1[ar]|2)_[A-Za-z0-9+/]{100,}={0,3})(?![A-Za-z0-9_\-+/])", 4.0),
        D("digitalocean-token", "a DigitalOcean token", ["dop_v1_", "doo_v1_", "dor_v1_"], B + @"(?<secret>do[opr]_v1_[a-f0-9]{64})" + E, 3.0),
        Near("cloudflare-api-token", "a Cloudflare API token", ["cloudflare", "cf_api_token", "cf_api_key"], "[A-Za-z0-9_\\-]{40}", 3.5),
        Near("cloudflare-global-api-key", "a Cloudflare global API key", ["cloudflare", "cf_api_key"], "[a-f0-9]{37}", 3.0),
        D("cloudflare-origin-ca-key", "a Cloudflare Origin CA key", ["v1.0-"], B + @"(?<secret>v1\.0-[a-f0-9]{24}-[a-f0-9]{146})" + E, 3.0),
        Near("vercel-token", "a Vercel access token", ["vercel"], "[A-Za-z0-9]{24}", 3.5),
        D("netlify-token", "a Netlify personal access token", ["nfp_"], B + @"(?<secret>nfp_[A-Za-z0-9]{36,40})" + E, 3.5),
        Near("netlify-token-legacy", "a Netlify access token", ["netlify"], "[A-Za-z0-9_\\-=]{40,46}", 3.5),
        D("supabase-secret-key", "a Supabase secret key", ["sb_secret_"], B + @"(?<secret>sb_secret_[A-Za-z0-9_\-]{31,})" + E, 3.5),
        D("supabase-access-token", "a Supabase personal access token", ["sbp_"], B + @"(?<secret>sbp_[a-f0-9]{40})" + E, 3.0),
        D("scalingo-token", "a Scalingo API token", ["tk-us-"], B + @"(?<secret>tk-us-[A-Za-z0-9_\-]{48})" + E, 3.5),
        D("openshift-token", "an OpenShift user token", ["sha256~"], @"(?<secret>sha256~[A-Za-z0-9_\-]{43})" + E, 3.5),
        D("planetscale-token", "a PlanetScale password or token", ["pscale_pw_", "pscale_tkn_", "pscale_oauth_"], B + @"(?<secret>pscale_(?:pw|tkn|oauth)_[A-Za-z0-9_=.\-]{32,64})" + E, 3.5),
        D("pulumi-token", "a Pulumi access token", ["pul-"], B + @"(?<secret>pul-[a-f0-9]{40})" + E, 3.0),
        D("prefect-token", "a Prefect API key", ["pnu_"], B + @"(?<secret>pnu_[A-Za-z0-9]{36})" + E, 3.5),
        D("defined-networking-token", "a Defined Networking API token", ["dnkey-"], B + @"(?<secret>dnkey-[a-z0-9=_\-]{26}-[a-z0-9=_\-]{52})" + E, 3.5),
        D("harness-token", "a Harness access token", ["pat.", "sat."], B + @"(?<secret>(?:pat|sat)\.[A-Za-z0-9_\-]{22}\.[a-z0-9]{24}\.[A-Za-z0-9]{20})" + E, 3.5),
        D("castai-api-key", "a CAST AI API key", ["castai_v1_"], B + @"(?<secret>castai_v1_[a-f0-9]{64})" + E, 3.0),
        D("settlemint-token", "a SettleMint token", ["sm_pat_", "sm_aat_", "sm_sat_"], B + @"(?<secret>sm_(?:pat|aat|sat)_[A-Za-z0-9]{16})" + E, 3.0),
        Near("fastly-api-token", "a Fastly API token", ["fastly"], "[A-Za-z0-9_\\-]{32}", 3.5),
        Near("codecov-token", "a Codecov token", ["codecov"], "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}|[A-Za-z0-9]{32}", 3.0),
        Near("droneci-token", "a Drone CI access token", ["drone"], "[A-Za-z0-9]{32}", 3.5),
        Near("travisci-token", "a Travis CI access token", ["travis"], "[A-Za-z0-9_\\-]{22}", 3.5),

        // AI providers
        D("openai-api-key", "an OpenAI API key", ["t3blbkfj"],
            B + @"(?<secret>sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{58,74}T3BlbkFJ[A-Za-z0-9_\-]{58,74}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))" + E, 3.0),
        D("anthropic-api-key", "an Anthropic API key", ["sk-ant-"], B + @"(?<secret>sk-ant-(?:api|admin|oat|ort)\d{2}-[A-Za-z0-9_\-]{80,110})" + E, 3.0),
        D("huggingface-token", "a Hugging Face access token", ["hf_", "api_org_"], B + @"(?<secret>(?:hf_|api_org_)[A-Za-z]{34})" + E, 3.5),
        Near("cohere-api-key", "a Cohere API key", ["cohere", "co_api_key"], "[A-Za-z0-9]{40}", 3.5),
        D("replicate-token", "a Replicate API token", ["r8_"], B + @"(?<secret>r8_[A-Za-z0-9]{37})" + E, 3.5),
        D("perplexity-api-key", "a Perplexity API key", ["pplx-"], B + @"(?<secret>pplx-[A-Za-z0-9]{48})" + E, 3.5),
        D("groq-api-key", "a Groq API key", ["gsk_"], B + @"(?<secret>gsk_[A-Za-z0-9]{52})" + E, 3.5),
        D("langsmith-api-key", "a LangSmith API key", ["lsv2_pt_", "lsv2_sk_"], B + @"(?<secret>lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})" + E, 3.0),
        Near("privateai-api-key", "a Private AI API key", ["private_ai", "private-ai", "privateai"], "[A-Za-z0-9]{32}", 3.5),

        // Package registries and artifact stores
        D("npm-token", "an npm access token", ["npm_"], B + @"(?<secret>npm_[A-Za-z0-9]{36})" + E, 3.0),
        D("pypi-token", "a PyPI upload token", ["pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"], B + @"(?<secret>pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_\-]{50,})" + E, 4.0),
        D("nuget-api-key", "a NuGet API key", ["oy2"], @"(?<![A-Za-z0-9])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9])", 3.5),
        D("nuget-config-password", "a password in a NuGet configuration", ["cleartextpassword"],
            @"(?i:key\s*=\s*[""']ClearTextPassword[""']\s+value\s*=\s*[""'])(?<secret>[^""'\s]{6,})[""']", 0, v => !IsLikelyRealPassword(v)),
        D("dockerhub-token", "a Docker Hub access token", ["dckr_pat_", "dckr_oat_"], B + @"(?<secret>dckr_(?:pat|oat)_[A-Za-z0-9_\-]{27,32})" + E, 3.5),
        D("jfrog-api-key", "a JFrog Artifactory API key", ["AKCp"], B + @"(?<secret>AKCp[A-Za-z0-9]{69})" + E, 4.0),
        D("jfrog-identity-token", "a JFrog identity token", ["cmVmdGtu"], B + @"(?<secret>cmVmdGtu[A-Za-z0-9]{56})" + E, 4.0),
        D("rubygems-api-key", "a RubyGems API key", ["rubygems_"], B + @"(?<secret>rubygems_[a-f0-9]{48})" + E, 3.0),
        D("clojars-token", "a Clojars deploy token", ["CLOJARS_"], B + @"(?<secret>CLOJARS_[a-z0-9]{60})" + E, 3.5),
        D("readme-api-key", "a ReadMe API key", ["rdme_"], B + @"(?<secret>rdme_[a-z0-9]{70})" + E, 3.5),
        D("sidekiq-credentials", "Sidekiq Enterprise (contribsys) credentials", ["contribsys"],
            @"(?i:bundle_(?:enterprise|gems)__contribsys__com)[""'\]]?\s*[:=>]\s*[""']?(?<secret>[a-f0-9]{8}:[a-f0-9]{8})|https?://(?<secret>[a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com", 2.5),

        // Secrets managers and infrastructure
        D("vault-token", "a HashiCorp Vault token", ["hvs.", "hvb.", "hvr."], @"(?<![A-Za-z0-9_])(?<secret>hv[sbr]\.[A-Za-z0-9_\-]{90,300})" + E, 3.5),
        Near("vault-token-legacy", "a HashiCorp Vault token", ["vault_token", "vault-token", "x-vault-token"], @"s\.[A-Za-z0-9]{24}", 3.5),
        D("terraform-cloud-token", "a HashiCorp Terraform Cloud API token", ["atlasv1"], B + @"(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=\-]{60,70})" + E, 3.5),
        D("doppler-token", "a Doppler token", ["dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."],
            B + @"(?<secret>dp\.(?:pt|ct|sa|scim|audit|st(?:\.[a-z0-9_\-]{2,35})?)\.[A-Za-z0-9]{40,44})" + E, 3.5),
        D("onepassword-service-account-token", "a 1Password service account token", ["ops_eyJ"], B + @"(?<secret>ops_eyJ[A-Za-z0-9+/_\-]{250,}={0,3})" + B64E, 4.0),
        D("onepassword-secret-key", "a 1Password account secret key", ["A3-"], B + @"(?<secret>A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})" + E, 3.0),
        D("age-secret-key", "an age secret key", ["AGE-SECRET-KEY-1"], @"(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})" + E, 3.0),
        D("infracost-api-key", "an Infracost API key", ["ico-"], B + @"(?<secret>ico-[A-Za-z0-9]{32})" + E, 3.5),
        D("octopus-deploy-api-key", "an Octopus Deploy API key", ["API-"], @"(?<![A-Za-z0-9_\-])(?<secret>API-[A-Z0-9]{26,32})" + E, 3.5),
        D("launchdarkly-key", "a LaunchDarkly key", ["api-", "sdk-"], B + @"(?<secret>(?:api|sdk)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})" + E, 3.0),
        D("databricks-token", "a Databricks access token", ["dapi"], B + @"(?<secret>dapi[a-f0-9]{32}(?:-\d)?)" + E, 3.0),
        Near("snowflake-password", "a Snowflake password", ["snowflake_password", "snowsql_pwd", "snowflake_pwd"], @"[^\s""'<>]{8,}", 3.0),
        D("postman-api-key", "a Postman API key", ["PMAK-"], B + @"(?<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})" + E, 3.0),
        D("clickhouse-cloud-key", "a ClickHouse Cloud API secret", ["4b1d"], B + @"(?<secret>4b1d[A-Za-z0-9]{38})" + E, 3.5),
        D("maxmind-license-key", "a MaxMind license key", ["_mmk"], B + @"(?<secret>[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)" + E, 3.5),
        Near("maxmind-license-key-legacy", "a MaxMind license key", ["maxmind", "geoip", "geoipupdate"], "[A-Za-z0-9]{16}", 3.0),
        D("sourcegraph-token", "a Sourcegraph access token", ["sgp_"], B + @"(?<secret>sgp_(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40})" + E, 3.0),
        D("dynatrace-token", "a Dynatrace API token", ["dt0c01."], B + @"(?<secret>dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})" + E, 3.5),
        D("frameio-token", "a Frame.io API token", ["fio-u-"], B + @"(?<secret>fio-u-[A-Za-z0-9_\-=]{64})" + E, 3.5),
        D("contentful-token", "a Contentful personal access token", ["CFPAT-"], B + @"(?<secret>CFPAT-[A-Za-z0-9_\-=]{43})" + E, 3.5),
        D("intra42-secret", "a 42 intranet client secret", ["s-s4t2"], B + @"(?<secret>s-s4t2(?:ud|af)-[a-f0-9]{64})" + E, 3.0),
        D("authress-key", "an Authress service client key", [".acc_", ".acc-"],
            B + @"(?<secret>(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\.[a-z0-9]{4,6}\.acc[_\-][a-z0-9\-]{10,32}\.[A-Za-z0-9+/_=\-]{30,120})" + E, 3.5),
        D("airtable-token", "an Airtable personal access token", ["pat"], @"(?<![A-Za-z0-9])(?<secret>pat[A-Za-z0-9]{14}\.[a-f0-9]{64})" + E, 3.5),
        D("alibaba-access-key-id", "an Alibaba Cloud AccessKey ID", ["LTAI"], @"(?<![A-Za-z0-9])(?<secret>LTAI[A-Za-z0-9]{20})(?![A-Za-z0-9])", 3.5),
        Near("alibaba-secret-key", "an Alibaba Cloud AccessKey secret", ["alibaba", "aliyun", "access_key_secret"], "[A-Za-z0-9]{30}", 3.5),
        D("yandex-token", "a Yandex Cloud key or token", ["AQVN", "YC", "t1."], B + @"(?<secret>AQVN[A-Za-z0-9_\-]{35,38}|YC[A-Za-z0-9_\-]{38}|t1\.[A-Z0-9a-z_\-]+[=]{0,2}\.[A-Z0-9a-z_\-]{86}[=]{0,2})" + E, 3.5),
        D("mapbox-secret-token", "a Mapbox secret access token", ["sk.eyJ"], B + @"(?<secret>sk\.eyJ[A-Za-z0-9_\-]{50,}\.[A-Za-z0-9_\-]{20,})" + E, 4.0),
        D("dropbox-token", "a Dropbox access token", ["sl."], @"(?<![A-Za-z0-9_\-.])(?<secret>sl\.[A-Za-z0-9_\-=]{130,160})" + E, 4.0),
        D("new-relic-key", "a New Relic key", ["NRAK-", "NRII-", "NRAA-", "NRJS-", "NRAL"],
            B + @"(?<secret>NRAK-[A-Z0-9]{27}|NRAA-[a-f0-9]{27}|NRII-[A-Za-z0-9_\-]{32}|NRJS-[a-f0-9]{19}|[a-f0-9]{36}NRAL)" + E, 3.0),
        D("grafana-token", "a Grafana token", ["glc_", "glsa_", "eyJrIjoi"],
            B + @"(?<secret>glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|eyJrIjoi[A-Za-z0-9+/]{70,400}={0,2})" + B64E, 3.5),
        Near("datadog-key", "a Datadog API or application key", ["datadog", "dd_api_key", "dd_app_key", "dd_application_key", "dd-api-key"], "[a-f0-9]{40}|[a-f0-9]{32}", 3.0),
        D("sentry-token", "a Sentry auth token", ["sntrys_", "sntryu_"], B + @"(?<secret>sntrys_eyJ[A-Za-z0-9+/=_\-]{60,}|sntryu_[a-f0-9]{64})" + B64E, 3.5),
        Near("sentry-token-legacy", "a Sentry auth token", ["sentry_auth_token", "sentry-auth-token"], "[a-f0-9]{64}", 3.0),
        D("notion-token", "a Notion integration token", ["ntn_", "secret_"], B + @"(?<secret>ntn_\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})" + E, 3.5),
        D("linear-api-key", "a Linear API key", ["lin_api_", "lin_oauth_"], B + @"(?<secret>lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})" + E, 3.5),
        Near("okta-api-token", "an Okta API token", ["okta"], "00[A-Za-z0-9_\\-]{40}", 3.5),
        Near("auth0-client-secret", "an Auth0 client secret", ["auth0"], "[A-Za-z0-9_\\-]{64}", 4.0),
        Near("snyk-token", "a Snyk API token", ["snyk"], "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 3.0),
        D("sonar-token", "a SonarQube or SonarCloud token", ["squ_", "sqp_", "sqa_"], B + @"(?<secret>sq[upa]_[a-f0-9]{40})" + E, 3.0),
        Near("sonar-token-legacy", "a SonarQube or SonarCloud token", ["sonar_token", "sonar.login", "sonar-token", "sonarqube_token", "sonarcloud_token"], "[a-f0-9]{40}", 3.0),
        D("hubspot-private-app-token", "a HubSpot private app token", ["pat-na1-", "pat-eu1-", "pat-na2-", "pat-eu2-"],
            B + @"(?<secret>pat-(?:na|eu)\d-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})" + E, 3.0),
        Near("hubspot-api-key", "a HubSpot API key", ["hubspot", "hapikey"], "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}", 3.0),
        D("facebook-access-token", "a Facebook (Meta) access token", ["EAA"], B + @"(?<secret>EAA[A-Z][A-Za-z0-9]{100,})" + E, 4.0),
        Near("facebook-app-secret", "a Facebook (Meta) app secret", ["facebook", "fb_app_secret", "fb_secret", "meta_app_secret"], "[a-f0-9]{32}", 3.0),
        Near("twitter-secret", "a Twitter (X) API secret or bearer token", ["twitter", "x_api_secret", "x_bearer_token"], "A{22}[A-Za-z0-9%]{80,120}|[A-Za-z0-9]{45,50}", 4.0),
        Near("linkedin-client-secret", "a LinkedIn client secret", ["linkedin"], "[A-Za-z0-9]{16}", 3.0),
        Near("twitch-token", "a Twitch API token", ["twitch"], "[a-z0-9]{30}", 3.5),
        Near("sumologic-access-key", "a Sumo Logic access key", ["sumo"], "[A-Za-z0-9]{64}", 4.0),
        Near("algolia-api-key", "an Algolia admin API key", ["algolia"], "[a-f0-9]{32}", 3.0),
        Near("asana-token", "an Asana access token", ["asana"], @"[0-9]/[0-9]{16}/[0-9]{16}:[a-f0-9]{32}|[0-9]/[0-9]{16}:[A-Za-z0-9]{32}", 3.0),
        Near("adafruit-api-key", "an Adafruit IO key", ["adafruit"], "[A-Za-z0-9_\\-]{32}", 3.5),
        D("adobe-client-secret", "an Adobe client secret", ["p8e-"], B + @"(?<secret>p8e-[A-Za-z0-9]{32})" + E, 3.5),
        Near("beamer-api-token", "a Beamer API token", ["beamer"], "b_[A-Za-z0-9=_\\-]{44}", 3.5),
        Near("confluent-secret", "a Confluent API secret", ["confluent"], "[A-Za-z0-9+/]{64}", 4.0),
        Near("etsy-api-key", "an Etsy API key", ["etsy"], "[a-z0-9]{24}", 3.5),
        Near("flickr-api-key", "a Flickr API key", ["flickr"], "[a-z0-9]{32}", 3.5),
        Near("freshbooks-token", "a FreshBooks access token", ["freshbooks"], "[a-z0-9]{64}", 3.5),
        Near("gitter-token", "a Gitter access token", ["gitter"], "[a-z0-9_\\-]{40}", 3.5),
        Near("looker-client-secret", "a Looker client secret", ["looker"], "[A-Za-z0-9]{24}", 3.5),
        Near("lob-api-key", "a Lob API key", ["lob_", "lob-api", "lobapi"], "(?:live|test)_[a-f0-9]{35}", 3.0),
        Near("nytimes-api-key", "a New York Times API key", ["nytimes", "nyt_"], "[A-Za-z0-9=_\\-]{32}", 3.5),
        Near("rapidapi-key", "a RapidAPI key", ["rapidapi", "x-rapidapi-key"], "[A-Za-z0-9_\\-]{50}", 4.0),
        Near("squarespace-api-key", "a Squarespace API key", ["squarespace"], "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 3.0),
        Near("freemius-secret-key", "a Freemius secret key", ["freemius"], "sk_[A-Za-z0-9$!%&*+-^~]{29}", 3.5),

        // Generic formats
        D("private-key", "a private key", ["private key"],
            @"(?<secret>-----BEGIN[ A-Z0-9_\-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:[^\-]|-(?!----)){64,}?-----END[ A-Z0-9_\-]{0,100}PRIVATE KEY(?: BLOCK)?-----)", 0, v => !HasKeyBody(v), multiline: true),
        D("putty-private-key", "a PuTTY private key", ["putty-user-key-file-"],
            @"(?<secret>PuTTY-User-Key-File-\d: [^\r\n]+\r?\nEncryption: none[\s\S]{0,4000}?Private-Lines: \d+\r?\n(?:[A-Za-z0-9+/=]+\r?\n){1,200})", 0, multiline: true),
        D("jwt", "a JSON Web Token", ["eyJ"],
            @"(?<![A-Za-z0-9_\-.])(?<secret>ey[A-Za-z0-9_\-]{10,}\.ey[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{16,})(?![A-Za-z0-9_\-.])", 3.0, v => !IsRealJwt(v)),
        D("curl-auth-header", "a credential in a curl Authorization header", ["curl"],
            @"\bcurl\b[^\r\n]{0,300}?(?:-H|--header)\s*=?\s*[""']?(?i:authorization|x-api-key|api-key|x-auth-token|private-token):\s*(?:(?i:bearer|basic|token|apikey|bot)\s+)?(?<secret>[A-Za-z0-9_\-+/=.~:]{12,})", 3.5,
            v => !IsLikelyRealPassword(v)),
        D("curl-user-password", "a password in a curl --user option", ["curl"],
            @"\bcurl\b[^\r\n]{0,300}?(?:\s-u\s*|--user[\s=])\s*[""']?[^\s:""'$/]{1,64}:(?<secret>(?!//)[^\s""'@]{8,})", 2.5, v => !IsLikelyRealPassword(v)),
        D("url-password", "a password in a connection URL", ["://"],
            @"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{1,20}://[^:/@\s""'`]{1,64}:(?<secret>[^@/\s""'`]{1,128})@[A-Za-z0-9_\-\[]", 2.5,
            v => !IsLikelyRealPassword(v)),
        D("connection-string-password", "a password in a connection string", ["password=", "password =", "pwd=", "pwd ="],
            @"(?i:(?:server|data source|host|hostname|address|addr|user id|userid|uid|user|username|database|initial catalog|dsn|driver|port|accountname|provider)\s*=[^;\r\n]*;\s*(?:[A-Za-z ]{1,30}=[^;\r\n]*;\s*)*?)(?i:password|pwd)\s*=\s*(?<secret>'[^'\r\n]+'|\{[^}\r\n]+\}|[^;""'\s]+)"
            + @"|(?<![A-Za-z0-9_])(?i:password|pwd)\s*=\s*(?<secret>'[^'\r\n]+'|\{[^}\r\n]+\}|[^;""'\s]+)\s*;\s*(?i:server|data source|host|user id|uid|user|username|database|initial catalog|dsn|driver)\s*=",
            2.5, v => !IsLikelyRealPassword(v)),
        D("jdbc-password", "a password in a JDBC URL", ["jdbc:"],
            @"jdbc:[a-z0-9]+:[^\s""'<>]*?[?&;](?i:password|pwd)=(?<secret>[^&;\s""'<>]+)", 2.5, v => !IsLikelyRealPassword(v)),
    ];

    private static SecretDetector D(string id, string provider, string[] keywords, string pattern, double minEntropy = 0, Func<string, bool>? isAllowed = null, bool multiline = false) =>
        new(id, provider, keywords, pattern, minEntropy, isAllowed, multiline) { IsPasswordFormat = PasswordFormats.Contains(id) };

    /// <summary>
    /// A format without a prefix of its own, recognised only when assigned to a name that mentions the provider
    /// (<c>DATADOG_API_KEY=…</c>, <c>"twilio_auth_token": "…"</c>, <c>&lt;cohereKey&gt;…</c>).
    /// </summary>
    private static SecretDetector Near(string id, string provider, string[] names, string value, double minEntropy) =>
        new SecretDetector(id, provider, names,
            @"(?i:" + string.Join('|', names.Select(Regex.Escape)) + @")[A-Za-z0-9_.\-]{0,40}?[""'\]]?\s{0,4}(?:=|:=|:|=>|>|,)\s{0,4}[""'`]?(?<secret>(?:" + value + @"))(?![A-Za-z0-9_\-+/=])",
            minEntropy) { IsPasswordFormat = PasswordFormats.Contains(id), IsNameAnchored = true };
}

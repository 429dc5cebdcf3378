using System.Text;

namespace JobSwipe.InfraLint.Benchmarks;

/// <summary>
/// Writes a synthetic monorepo: <c>services/svc-NNNN/</c> folders, each with six files (Dockerfile, compose.yml,
/// fly.toml, deploy.sh, .env, requirements.txt), so N services are 6·N files. Most services are clean; a realistic
/// share has the problems an audit finds, on fixed strides so every run writes the same bytes:
/// <list type="bullet">
///   <item>every 5th: a <c>:latest</c> image (Dockerfile and compose) and no healthcheck (Dockerfile, compose, fly.toml);</item>
///   <item>every 7th: a hard-coded password (compose environment, fly.toml [env]);</item>
///   <item>every 4th: no USER in the Dockerfile and min_machines_running = 0;</item>
///   <item>every 6th: a deploy script without <c>set -euo pipefail</c> and with an unquoted variable;</item>
///   <item>every 8th: a secret passed on the flyctl command line and an unpinned requirement;</item>
///   <item>every 9th: fly.toml's internal_port differs from the Dockerfile's EXPOSE;</item>
///   <item>every 10th: a Vault service in development mode and a cloud key in the .env file;</item>
///   <item>every 11th: an environment variable defined twice in compose; every 12th: a key defined twice in .env;</item>
///   <item>every 13th: a duration without a unit in fly.toml; no memory limit in compose.</item>
/// </list>
/// </summary>
public static class SyntheticMonorepo
{
    public const int FilesPerService = 6;

    /// <summary>The file names of one service, in the order they are written.</summary>
    public static readonly string[] ServiceFiles = ["Dockerfile", "compose.yml", "fly.toml", "deploy.sh", ".env", "requirements.txt"];

    public static string ServiceDirectory(int index) => $"services/svc-{index:0000}";

    /// <summary>Writes <paramref name="services"/> services under <paramref name="root"/> (created, must be empty).</summary>
    public static void Write(string root, int services)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "README.md"), "# Synthetic monorepo written by the JobSwipe.InfraLint benchmark\n");
        for (int i = 1; i <= services; i++)
        {
            string directory = Path.Combine(root, ServiceDirectory(i));
            Directory.CreateDirectory(directory);
            Write(directory, "Dockerfile", Dockerfile(i));
            Write(directory, "compose.yml", Compose(i));
            Write(directory, "fly.toml", FlyToml(i));
            Write(directory, "deploy.sh", DeployScript(i));
            Write(directory, ".env", DotEnv(i));
            Write(directory, "requirements.txt", Requirements(i));
        }
    }

    private static void Write(string directory, string name, string content) =>
        File.WriteAllText(Path.Combine(directory, name), content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static string Name(int i) => $"svc-{i:0000}";

    private static int Port(int i) => 8000 + (i % 900);

    private static bool Every(int i, int stride) => i % stride == 0;

    public static string Dockerfile(int i)
    {
        var text = new StringBuilder();
        text.Append("# syntax=docker/dockerfile:1\n");
        text.Append($"# {Name(i)}: a small Python web service\n");
        text.Append(Every(i, 5) ? "FROM python:latest AS build\n" : "FROM python:3.12-slim-bookworm AS build\n");
        text.Append("WORKDIR /app\n");
        text.Append("RUN apt-get update \\\n    && apt-get install -y --no-install-recommends build-essential libpq-dev \\\n    && rm -rf /var/lib/apt/lists/*\n");
        text.Append("COPY requirements.txt .\n");
        text.Append("RUN pip install --no-cache-dir -r requirements.txt\n\n");
        text.Append(Every(i, 5) ? "FROM python:latest\n" : "FROM python:3.12-slim-bookworm\n");
        text.Append("ENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1\n");
        if (Every(i, 7))
        {
            text.Append($"ENV DATABASE_PASSWORD=hunter2-{i}\n");
        }

        text.Append("WORKDIR /app\n");
        text.Append("COPY --from=build /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n");
        text.Append("COPY . .\n");
        if (!Every(i, 4))
        {
            text.Append("RUN groupadd --system app && useradd --system --gid app app\nUSER app\n");
        }

        text.Append($"EXPOSE {Port(i)}\n");
        if (!Every(i, 5))
        {
            text.Append($"HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:{Port(i)}/health')\"]\n");
        }

        text.Append($"CMD [\"gunicorn\", \"app:app\", \"--bind\", \"0.0.0.0:{Port(i)}\", \"--workers\", \"2\"]\n");
        return text.ToString();
    }

    public static string Compose(int i)
    {
        string name = Name(i);
        var text = new StringBuilder();
        text.Append($"# {name}: local stack\n");
        text.Append("services:\n");
        text.Append($"  {name}:\n");
        text.Append("    build: .\n");
        text.Append(Every(i, 5) ? $"    image: registry.example.com/{name}:latest\n" : $"    image: registry.example.com/{name}:1.{i % 10}.{i % 7}\n");
        text.Append($"    ports:\n      - \"{Port(i)}:{Port(i)}\"\n");
        text.Append("    env_file: .env\n");
        text.Append("    environment:\n");
        text.Append("      LOG_LEVEL: info\n");
        text.Append($"      PORT: \"{Port(i)}\"\n");
        text.Append(Every(i, 7)
            ? $"      DATABASE_URL: postgresql://app:s3cr3t-{i}@db:5432/{name.Replace('-', '_')}\n      DB_PASSWORD: s3cr3t-{i}\n"
            : $"      DATABASE_URL: postgresql://app:${{DB_PASSWORD}}@db:5432/{name.Replace('-', '_')}\n");
        if (Every(i, 11))
        {
            text.Append("      LOG_LEVEL: debug\n");
        }

        text.Append("    depends_on:\n      db:\n        condition: service_healthy\n");
        if (!Every(i, 5))
        {
            text.Append($"    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:{Port(i)}/health\"]\n      interval: 30s\n      timeout: 5s\n      retries: 3\n");
        }

        if (!Every(i, 13))
        {
            text.Append("    deploy:\n      resources:\n        limits:\n          memory: 512m\n");
        }

        text.Append("    restart: unless-stopped\n");
        text.Append("  db:\n");
        text.Append("    image: postgres:16.4\n");
        text.Append("    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}\n");
        text.Append("    volumes:\n      - db-data:/var/lib/postgresql/data\n");
        text.Append("    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U app\"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n");
        text.Append("    deploy:\n      resources:\n        limits:\n          memory: 1g\n");
        if (Every(i, 10))
        {
            text.Append("  vault:\n    image: hashicorp/vault:1.17\n    command: server -dev -dev-root-token-id=root\n    ports:\n      - \"8200:8200\"\n");
        }

        text.Append("volumes:\n  db-data:\n");
        return text.ToString();
    }

    public static string FlyToml(int i)
    {
        string name = Name(i);
        int internalPort = Every(i, 9) ? 8080 + (i % 7) + 1 : Port(i);
        var text = new StringBuilder();
        text.Append($"# Fly.io configuration for {name}\n");
        text.Append($"app = \"bench-{name}\"\n");
        text.Append("primary_region = \"iad\"\n");
        text.Append(Every(i, 13) ? "kill_timeout = 30\n" : "kill_timeout = \"30s\"\n");
        text.Append("\n[build]\n  dockerfile = \"Dockerfile\"\n");
        text.Append($"\n[env]\n  LOG_LEVEL = \"info\"\n  PORT = \"{Port(i)}\"\n");
        if (Every(i, 7))
        {
            text.Append($"  SECRET_KEY = \"k8Zp2Qw9Xr4Lm7Vt1Ns6Yb3Hc5Jd0Fg{i:0000}\"\n");
        }

        text.Append("\n[deploy]\n  strategy = \"rolling\"\n");
        text.Append($"\n[http_service]\n  internal_port = {internalPort}\n  force_https = true\n  auto_stop_machines = \"stop\"\n  auto_start_machines = true\n");
        text.Append(Every(i, 4) ? "  min_machines_running = 0\n" : "  min_machines_running = 1\n");
        if (!Every(i, 5))
        {
            text.Append("\n  [[http_service.checks]]\n    interval = \"15s\"\n    timeout = \"5s\"\n    grace_period = \"10s\"\n    method = \"GET\"\n    path = \"/health\"\n");
        }

        text.Append("\n[[vm]]\n  cpu_kind = \"shared\"\n  cpus = 1\n  memory = \"512mb\"\n");
        return text.ToString();
    }

    public static string DeployScript(int i)
    {
        string name = Name(i);
        var text = new StringBuilder();
        text.Append("#!/usr/bin/env bash\n");
        text.Append($"# Builds and deploys {name} to Fly.io.\n");
        if (!Every(i, 6))
        {
            text.Append("set -euo pipefail\n");
        }

        text.Append($"\nAPP=\"bench-{name}\"\n");
        text.Append("IMAGE=\"registry.example.com/${APP}:${GIT_SHA:-dev}\"\n\n");
        text.Append(Every(i, 6) ? "cd $(dirname $0)\n" : "cd \"$(dirname \"$0\")\"\n");
        text.Append("echo \"==> Building $IMAGE\"\n");
        text.Append("docker build -t \"$IMAGE\" .\n");
        text.Append("docker push \"$IMAGE\"\n\n");
        text.Append(Every(i, 8)
            ? $"flyctl secrets set DATABASE_PASSWORD=hunter2-{i} --app \"$APP\"\n"
            : "flyctl secrets import --app \"$APP\" --stage < .env.production\n");
        text.Append("flyctl deploy --config fly.toml --app \"$APP\" --image \"$IMAGE\" --remote-only\n\n");
        text.Append("for attempt in 1 2 3 4 5; do\n");
        text.Append("  if curl --fail --silent --max-time 5 \"https://${APP}.fly.dev/health\" >/dev/null; then\n");
        text.Append("    echo \"healthy after $attempt attempt(s)\"\n    exit 0\n  fi\n  sleep 5\ndone\n");
        text.Append("echo \"error: ${APP} is not healthy\" >&2\nexit 1\n");
        return text.ToString();
    }

    public static string DotEnv(int i)
    {
        var text = new StringBuilder();
        text.Append($"# Local settings for {Name(i)}\n");
        text.Append("LOG_LEVEL=info\n");
        text.Append($"PORT={Port(i)}\n");
        text.Append("DB_PASSWORD=change-me\n");
        text.Append($"DATABASE_URL=postgresql://app:${{DB_PASSWORD}}@db:5432/{Name(i).Replace('-', '_')}\n");
        if (Every(i, 10))
        {
            text.Append($"AWS_ACCESS_KEY_ID=AKIAZ{i:0000}QWERTYUIOP\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCY{i:0000}Zq8Lm2Vt\n");
        }

        if (Every(i, 12))
        {
            text.Append("LOG_LEVEL=debug\n");
        }

        return text.ToString();
    }

    public static string Requirements(int i)
    {
        var text = new StringBuilder();
        text.Append("flask==3.0.3\n");
        text.Append("gunicorn==22.0.0\n");
        text.Append("psycopg2-binary==2.9.9\n");
        text.Append(Every(i, 8) ? "requests\n" : "requests==2.32.3\n");
        if (Every(i, 9))
        {
            text.Append("flask-debugtoolbar==0.15.1\n");
        }

        return text.ToString();
    }
}

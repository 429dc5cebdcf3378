using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class SourceCodeBindMountedInProductionRuleTests
{
    [Test]
    public void Catches_a_code_folder_and_the_build_context_mounted_in_a_production_file()
    {
        var findings = RuleVerifier.Reports<SourceCodeBindMountedInProductionRule>(
            ("docker-compose.production.yml", """
                services:
                  api:
                    build: ./backend
                    volumes:
                      - [|./backend/api|]:/app/api
                      - type: bind
                        source: [|./backend|]
                        target: /app
                  worker:
                    image: worker:1.0
                    volumes:
                      - [|./workers|]:/srv/workers:ro
                """),
            ("backend/api/main.py", "app = object()\n"),
            ("backend/requirements.txt", "fastapi\n"),
            ("workers/tasks.js", "module.exports = {};\n"));

        Assert.That(findings[0].Message, Does.StartWith("service 'api' bind-mounts the source folder './backend/api' over '/app/api' in a production file"));
    }

    [Test]
    public void Does_not_report_config_files_config_folders_named_volumes_or_development_files()
    {
        const string Compose = """
            services:
              web:
                image: nginx:1.27
                volumes:
                  - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro
                  - ./certs:/etc/ssl/private:ro
                  - static:/usr/share/nginx/html
                  - /var/log/app:/logs
                  - ${DATA_DIR}:/data
            volumes:
              static: {}
            """;

        RuleVerifier.ReportsNothing<SourceCodeBindMountedInProductionRule>(
            ("docker-compose.prod.yml", Compose),
            ("nginx/nginx.conf", "events {}\n"),
            ("certs/server.pem", "not a key\n"));
        RuleVerifier.ReportsNothing<SourceCodeBindMountedInProductionRule>(
            ("docker-compose.yml", "services:\n  api:\n    build: ./backend\n    volumes:\n      - ./backend:/app\n"),
            ("backend/main.py", "app = 1\n"));
    }
}

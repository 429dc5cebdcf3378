using JobSwipe.InfraLint.Rules.Entrypoints;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Entrypoints;

public sealed class EntrypointTargetMissingRuleTests
{
    private const string Main = "from fastapi import FastAPI\napp = FastAPI()\n";

    [Test]
    public void A_procfile_module_that_does_not_exist_is_reported_with_a_suggestion()
    {
        var d = RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("backend/Procfile", "web: uvicorn [|main:app|] --host 0.0.0.0 --port $PORT\n"),
            ("backend/api/__init__.py", ""),
            ("backend/api/main.py", Main));
        Assert.That(d[0].Message, Does.Contain("did you mean 'api.main:app' (backend/api/main.py)"));
    }

    [Test]
    public void The_same_missing_module_started_from_the_procfile_and_the_dockerfile_is_one_finding()
    {
        var d = RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("Procfile", "web: gunicorn [|server:app|] --bind 0.0.0.0:$PORT\n"),
            ("Dockerfile", "FROM python:3.12-slim\nCOPY . .\nCMD [\"gunicorn\", \"server:app\", \"--bind\", \"0.0.0.0:8000\"]\n"),
            ("main.py", Main));
        Assert.That(d.Single().AdditionalLocations.Single().Path, Is.EqualTo("Dockerfile"));
    }

    [Test]
    public void A_module_that_does_not_define_the_attribute_is_reported()
    {
        var d = RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("Procfile", "web: gunicorn -w 4 -k uvicorn.workers.UvicornWorker [|app.main:application|]\n"),
            ("app/main.py", Main));
        Assert.That(d[0].Message, Does.Contain("defines no module-level 'application'"));
    }

    [Test]
    public void Assignments_factories_imports_and_packages_resolve()
    {
        RuleVerifier.ReportsNothing<EntrypointTargetMissingRule>(
            ("Procfile", "web: uvicorn main:app\napi: gunicorn 'wsgi:create_app()'\nimported: hypercorn server:app\npkg: uvicorn service:app\nworker: celery -A workers.tasks worker\nmod: python -m jobs\nscript: python scripts/run.py\n"),
            ("main.py", Main),
            ("wsgi.py", "def create_app():\n    return Flask(__name__)\n"),
            ("server.py", "from main import app\n"),
            ("service/__init__.py", "from .factory import *\n"),
            ("workers/__init__.py", ""),
            ("workers/tasks.py", "celery = Celery()\n"),
            ("jobs/__main__.py", "print(1)\n"),
            ("scripts/run.py", "print(1)\n"));
    }

    [Test]
    public void Celery_python_and_node_targets_are_checked()
    {
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("Procfile", "worker: celery -A [|worker.tasks|] worker\nrun: python [|bin/start.py|]\nweb: node [|server.js|]\n"),
            ("workers/tasks.py", "x = 1\n"));
    }

    [Test]
    public void A_node_file_that_a_build_step_produces_is_not_reported()
    {
        RuleVerifier.ReportsNothing<EntrypointTargetMissingRule>(
            ("Procfile", "web: node dist/server.js\n"),
            ("package.json", "{\"name\":\"x\",\"scripts\":{\"build\":\"tsc\",\"start\":\"node dist/server.js\"}}\n"));
    }

    [Test]
    public void Dockerfile_cmd_is_resolved_through_workdir_and_copy()
    {
        RuleVerifier.ReportsNothing<EntrypointTargetMissingRule>(
            ("Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY backend/ ./\nCMD [\"uvicorn\", \"api.main:app\"]\n"),
            ("backend/api/main.py", Main));
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY backend/ ./\nCMD [\"uvicorn\", [|\"main:app\"|]]\n"),
            ("backend/api/main.py", Main));
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("svc/Dockerfile", "FROM python:3.12\nWORKDIR /srv\nCOPY . .\nCMD uvicorn [|app:api|] --port 80\n"),
            ("svc/app.py", Main));
    }

    [Test]
    public void Fly_processes_run_in_the_image_of_their_dockerfile()
    {
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("backend/fly.toml", "app = \"x\"\n[build]\n  dockerfile = \"Dockerfile\"\n[processes]\n  web = \"uvicorn [|main:app|] --port 8080\"\n  worker = \"celery -A workers.tasks worker\"\n"),
            ("backend/Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\n"),
            ("backend/workers/tasks.py", "celery = 1\n"),
            ("backend/api/main.py", Main));
    }

    // Issue 14 bug b in every host that starts a process: wrapper words (sudo, env, nice, timeout…) are seen through.
    [Test]
    public void Procfile_commands_behind_wrapper_words_are_checked() =>
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("Procfile", "web: sudo -u app nice -n 5 uvicorn [|missing:app|] --port $PORT\nworker: sudo -E env A=1 celery -A [|gone.tasks|] worker\n"),
            ("main.py", Main));

    [Test]
    public void Package_runners_are_the_ones_the_scripts_rules_know() =>
        // hatch run and pipx-like runners were known to the script rules (CommandLine) but not here; one list now.
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("Procfile", "web: hatch run uvicorn [|missing:app|] --port $PORT\nworker: sudo -E uv run celery -A [|gone.tasks|] worker\n"),
            ("main.py", Main));

    [Test]
    public void Dockerfile_cmd_behind_wrapper_words_is_checked_in_exec_and_shell_form()
    {
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("a/Dockerfile", "FROM python:3.12\nWORKDIR /srv\nCOPY . .\nCMD [\"sudo\", \"-u\", \"app\", \"uvicorn\", [|\"app:api\"|]]\n"),
            ("a/app.py", "application = object()\n"));
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("b/Dockerfile", "FROM python:3.12\nWORKDIR /srv\nCOPY . .\nCMD sudo -E timeout 3600 uvicorn [|app:api|] --port 80\n"),
            ("b/app.py", "application = object()\n"));
    }

    [Test]
    public void Compose_command_and_entrypoint_behind_wrapper_words_are_checked()
    {
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("compose.yaml", "services:\n  api:\n    build: api\n    command: sudo -E env APP_ENV=prod python [|server.py|]\n  worker:\n    build: api\n    entrypoint: [\"sudo\", \"-u\", \"app\", \"celery\", \"-A\", [|\"gone.tasks\"|], \"worker\"]\n"),
            ("api/Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\n"),
            ("api/main.py", "print(1)\n"));
    }

    [Test]
    public void Fly_processes_and_release_command_behind_wrapper_words_are_checked() =>
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("backend/fly.toml", "app = \"x\"\n[build]\n  dockerfile = \"Dockerfile\"\n[deploy]\n  release_command = \"sudo -E python [|migrate.py|]\"\n[processes]\n  web = \"sudo -u app nice -n 5 uvicorn [|main:app|] --port 8080\"\n"),
            ("backend/Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\n"),
            ("backend/api/main.py", Main));

    [Test]
    public void Unknown_working_directories_and_variables_are_not_guessed()
    {
        RuleVerifier.ReportsNothing<EntrypointTargetMissingRule>(
            ("Dockerfile", "FROM python:3.12\nWORKDIR /app\nRUN pip install x\nCMD [\"uvicorn\", \"main:app\"]\n"),
            ("Procfile", "web: uvicorn $APP_MODULE --port $PORT\n"));
    }

    [Test]
    public void A_final_stage_built_from_another_stage_inherits_its_workdir_and_cmd()
    {
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("Dockerfile", "FROM python:3.10-alpine AS builder\nWORKDIR /code\nCOPY . /code\nENTRYPOINT [\"python3\"]\nCMD [[|\"ap.py\"|]]\nFROM builder AS dev-envs\nRUN apk add git\n"),
            ("app.py", "print(1)\n"));
    }

    [Test]
    public void Gunicorn_without_an_attribute_means_application()
    {
        RuleVerifier.ReportsNothing<EntrypointTargetMissingRule>(
            ("Dockerfile", "FROM python:3.12\nWORKDIR /code\nCOPY . /code\nCMD [\"gunicorn\", \"--bind\", \":8000\", \"hello_django.wsgi\"]\n"),
            ("hello_django/wsgi.py", "application = get_wsgi_application()\n"));
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("Procfile", "web: gunicorn [|site.wsgi|]\n"),
            ("site/wsgi.py", "app = make()\n"));
    }
}

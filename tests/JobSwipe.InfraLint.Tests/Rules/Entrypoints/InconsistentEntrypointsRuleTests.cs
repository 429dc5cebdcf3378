using JobSwipe.InfraLint.Rules.Entrypoints;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Entrypoints;

public sealed class InconsistentEntrypointsRuleTests
{
    [Test]
    public void The_file_that_disagrees_is_reported_and_names_the_others()
    {
        var d = RuleVerifier.Reports<InconsistentEntrypointsRule>(
            ("backend/Procfile", "web: uvicorn [|main:app|] --port $PORT\n"),
            ("backend/Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD [\"uvicorn\", \"api.main:app\"]\n"),
            ("backend/fly.toml", "app = \"x\"\n[processes]\n  web = \"uvicorn api.main:app --port 8080\"\n"),
            ("backend/api/main.py", "app = 1\n"));
        Assert.That(d[0].Message, Does.Contain("'api.main:app' in backend/"));
    }

    [Test]
    public void Agreeing_files_different_process_types_and_different_apps_are_quiet()
    {
        RuleVerifier.ReportsNothing<InconsistentEntrypointsRule>(
            ("backend/Procfile", "web: uvicorn api.main:app --port $PORT\nworker: celery -A workers.tasks worker\n"),
            ("backend/Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD [\"uvicorn\", \"api.main:app\", \"--port\", \"8080\"]\n"),
            ("other/Procfile", "web: uvicorn main:app --port $PORT\n"));
    }

    [Test]
    public void Development_procfiles_and_manage_py_are_not_compared()
    {
        RuleVerifier.ReportsNothing<InconsistentEntrypointsRule>(
            ("Procfile", "web: gunicorn gettingstarted.wsgi\n"),
            ("Procfile.windows", "web: python manage.py runserver 0.0.0.0:5000\n"),
            ("Procfile.dev", "web: uvicorn other:app --reload\n"),
            ("gettingstarted/wsgi.py", "application = 1\n"));
    }

    [Test]
    public void Gunicorn_module_and_python_file_of_the_same_module_agree()
    {
        RuleVerifier.ReportsNothing<InconsistentEntrypointsRule>(
            ("compose.yaml", "services:\n  web:\n    build: flask\n    command: gunicorn -w 3 -b 0.0.0.0:8000 app:app\n"),
            ("flask/Dockerfile", "FROM python:3.12\nWORKDIR /src\nCOPY . .\nCMD [\"python\", \"app.py\"]\n"),
            ("flask/app.py", "app = Flask(__name__)\n"));
    }

    [Test]
    public void A_quoted_string_form_compose_command_points_at_the_target_word()
    {
        RuleVerifier.Reports<InconsistentEntrypointsRule>(
            ("compose.yaml", "services:\n  web:\n    build: api\n    command: \"uvicorn [|server:app|] --host 0.0.0.0\"\n"),
            ("api/Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD [\"uvicorn\", \"main:app\", \"--host\", \"0.0.0.0\"]\n"),
            ("api/server.py", "app = 1\n"),
            ("api/main.py", "app = 1\n"));
    }

    [Test]
    public void A_compose_command_that_disagrees_with_the_services_dockerfile_and_procfile_is_reported()
    {
        // A string-form compose command points at the target word, as the Procfile and fly.toml cases do.
        RuleVerifier.Reports<InconsistentEntrypointsRule>(
            ("compose.yaml", "services:\n  web:\n    build: api\n    command: uvicorn [|server:app|] --host 0.0.0.0\n"),
            ("api/Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD [\"uvicorn\", \"main:app\", \"--host\", \"0.0.0.0\"]\n"),
            ("api/Procfile", "web: uvicorn main:app --port $PORT\n"),
            ("api/main.py", "app = 1\n"));
    }

    [Test]
    public void A_celery_worker_and_a_web_server_in_the_same_folder_are_not_compared() =>
        RuleVerifier.ReportsNothing<InconsistentEntrypointsRule>(
            ("Procfile", "web: gunicorn app:app\n"),
            ("Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD [\"celery\", \"-A\", \"tasks\", \"worker\"]\n"),
            ("app.py", "app = 1\n"),
            ("tasks.py", "celery = 1\n"));
}

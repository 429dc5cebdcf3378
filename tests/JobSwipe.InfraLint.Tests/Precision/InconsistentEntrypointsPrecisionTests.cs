using JobSwipe.InfraLint.Rules.Entrypoints;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI6002 where the Dockerfile copies the package folder under its WORKDIR by name.</summary>
public class InconsistentEntrypointsPrecisionTests
{
    [Test]
    public void A_root_procfile_and_a_dockerfile_that_copies_the_package_under_its_workdir_are_compared() =>
        RuleVerifier.Reports<InconsistentEntrypointsRule>(
            ("Procfile", "web: gunicorn [|main:app|]\n"),
            ("Dockerfile", "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nCOPY ./api /app/api\nCMD [\"gunicorn\", \"api.main:app\"]\n"),
            ("main.py", "from flask import Flask\napp = Flask(__name__)\n"),
            ("api/__init__.py", ""),
            ("api/main.py", "from fastapi import FastAPI\napp = FastAPI()\n"));
}

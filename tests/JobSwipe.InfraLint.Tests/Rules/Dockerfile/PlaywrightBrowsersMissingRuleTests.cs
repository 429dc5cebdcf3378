using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class PlaywrightBrowsersMissingRuleTests
{
    private const string Requirements = "fastapi==0.111.0\nplaywright==1.45.0\n";

    [Test]
    public void Reports_the_final_stage_when_requirements_list_playwright()
    {
        var d = RuleVerifier.Reports<PlaywrightBrowsersMissingRule>(
            ("api/Dockerfile", "FROM python:3.12 AS build\nRUN playwright install chromium\n[|FROM|] python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n"),
            ("api/requirements.txt", Requirements));
        Assert.That(d[0].Message, Does.Contain("api/requirements.txt line 2"));
        Assert.That(d[0].AdditionalLocations, Has.Count.EqualTo(1));
    }

    [Test]
    public void Quiet_when_the_final_image_installs_browsers()
    {
        RuleVerifier.ReportsNothing<PlaywrightBrowsersMissingRule>(("Dockerfile", "FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt && python -m playwright install --with-deps chromium\n"), ("requirements.txt", Requirements));
        RuleVerifier.ReportsNothing<PlaywrightBrowsersMissingRule>(("Dockerfile", "FROM python:3.12-slim AS base\nRUN <<EOF\npip install playwright\nplaywright install chromium\nEOF\nFROM base\nCOPY . .\n"), ("requirements.txt", Requirements));
        RuleVerifier.ReportsNothing<PlaywrightBrowsersMissingRule>(("Dockerfile", "ARG PW=mcr.microsoft.com/playwright/python:v1.45.0-jammy\nFROM ${PW}\nCOPY . .\n"), ("requirements.txt", Requirements));
        RuleVerifier.ReportsNothing<PlaywrightBrowsersMissingRule>(
            ("Dockerfile", "FROM node:20 AS browsers\nRUN npx -y playwright@1.45.0 install chromium\nFROM node:20-slim\nCOPY --from=browsers /root/.cache/ms-playwright /root/.cache/ms-playwright\nCOPY . .\n"),
            ("package.json", "{\"dependencies\": {\"playwright\": \"1.45.0\"}}"));
        RuleVerifier.ReportsNothing<PlaywrightBrowsersMissingRule>(
            ("Dockerfile", "FROM node:20-slim\nCOPY package.json .\nRUN npm ci\n"),
            ("package.json", "{\"scripts\": {\"postinstall\": \"playwright install --with-deps chromium\"}, \"dependencies\": {\"playwright\": \"1.45.0\"}}"));
    }

    [Test]
    public void Quiet_for_dev_dependencies_and_other_contexts()
    {
        RuleVerifier.ReportsNothing<PlaywrightBrowsersMissingRule>(("Dockerfile", "FROM node:20-slim\nCOPY . .\nRUN npm ci --omit=dev\n"), ("package.json", "{\"devDependencies\": {\"@playwright/test\": \"1.45.0\"}}"));
        RuleVerifier.ReportsNothing<PlaywrightBrowsersMissingRule>(("Dockerfile", "FROM python:3.12-slim\nCOPY . .\n"), ("requirements-dev.txt", Requirements));
        RuleVerifier.ReportsNothing<PlaywrightBrowsersMissingRule>(("web/Dockerfile", "FROM nginx:1.27\nCOPY index.html /usr/share/nginx/html/\n"), ("web/index.html", "<p/>"), ("scraper/requirements.txt", Requirements));
    }

    [Test]
    public void A_fly_config_sets_the_build_context() =>
        RuleVerifier.Reports<PlaywrightBrowsersMissingRule>(
            ("fly.toml", "app = \"x\"\n[build]\n  dockerfile = \"docker/Dockerfile\"\n"),
            ("docker/Dockerfile", "[|FROM|] python:3.12-slim\nCOPY app/ /app/\n"),
            ("app/main.py", "print()\n"),
            ("requirements.txt", Requirements));

    [Test]
    public void Libraries_that_only_may_use_playwright_and_other_browser_installers_are_understood()
    {
        RuleVerifier.ReportsNothing<PlaywrightBrowsersMissingRule>(("Dockerfile", "FROM node:20-slim\nCOPY . .\nRUN npm ci\n"), ("package.json", "{\"dependencies\": {\"crawlee\": \"3.0.0\", \"playwright-core\": \"1.45.0\"}}"));
        RuleVerifier.ReportsNothing<PlaywrightBrowsersMissingRule>(("Dockerfile", "FROM node:20-slim\nCOPY . .\nRUN npm ci && npx camoufox-js fetch\n"), ("package.json", "{\"dependencies\": {\"playwright\": \"1.45.0\"}}"));
        RuleVerifier.ReportsNothing<PlaywrightBrowsersMissingRule>(("Dockerfile", "FROM python:3.12-slim\nCOPY . .\nRUN apt-get update && apt-get install -y --no-install-recommends chromium\n"), ("requirements.txt", "playwright\n"));
    }

    [Test]
    public void A_compose_build_string_sets_the_build_context() =>
        RuleVerifier.Reports<PlaywrightBrowsersMissingRule>(
            ("docker-compose.yml", "services:\n  worker:\n    build: ./worker\n"),
            ("worker/Dockerfile", "[|FROM|] python:3.12-slim\nCOPY . /app\n"),
            ("worker/pyproject.toml", "[project]\nname = \"w\"\nversion = \"1\"\ndependencies = [\"playwright>=1.45\"]\n"));
}

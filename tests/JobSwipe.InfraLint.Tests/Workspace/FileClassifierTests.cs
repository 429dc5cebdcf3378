using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace;

public class FileClassifierTests
{
    [TestCase("Dockerfile", FileKind.Dockerfile)]
    [TestCase("backend/Dockerfile", FileKind.Dockerfile)]
    [TestCase("Dockerfile.prod", FileKind.Dockerfile)]
    [TestCase("api.Dockerfile", FileKind.Dockerfile)]
    [TestCase("Containerfile", FileKind.Dockerfile)]
    [TestCase("Dockerfile.template", FileKind.Other)]
    [TestCase("debian/Dockerfile.j2", FileKind.Other)]
    [TestCase(".env.template", FileKind.DotEnv)]
    [TestCase("Dockerfile.dockerignore", FileKind.DockerIgnore)]
    [TestCase(".dockerignore", FileKind.DockerIgnore)]
    [TestCase("docker-compose.yml", FileKind.Compose)]
    [TestCase("docker-compose.production.yml", FileKind.Compose)]
    [TestCase("compose.yaml", FileKind.Compose)]
    [TestCase("compose.override.yml", FileKind.Compose)]
    [TestCase("fly.toml", FileKind.FlyConfig)]
    [TestCase("fly.staging.toml", FileKind.FlyConfig)]
    [TestCase("backend/ollama-fly.toml", FileKind.FlyConfig)]
    [TestCase("api.fly.toml", FileKind.FlyConfig)]
    [TestCase("pyproject.toml", FileKind.DependencyManifest)]
    [TestCase("butterfly.toml", FileKind.Other)]
    [TestCase("scripts/deploy_backend.sh", FileKind.ShellScript)]
    [TestCase("run.bash", FileKind.ShellScript)]
    [TestCase(".env", FileKind.DotEnv)]
    [TestCase(".env.production", FileKind.DotEnv)]
    [TestCase("config/prod.env", FileKind.DotEnv)]
    [TestCase("Procfile", FileKind.Procfile)]
    [TestCase("requirements.txt", FileKind.DependencyManifest)]
    [TestCase("requirements-dev.txt", FileKind.DependencyManifest)]
    [TestCase("Pipfile", FileKind.DependencyManifest)]
    [TestCase("frontend/package.json", FileKind.DependencyManifest)]
    [TestCase(".github/workflows/ci.yml", FileKind.CiWorkflow)]
    [TestCase(".gitlab-ci.yml", FileKind.CiWorkflow)]
    [TestCase("azure-pipelines.yml", FileKind.CiWorkflow)]
    [TestCase("config.yml", FileKind.Other)]
    [TestCase("README.md", FileKind.Other)]
    public void Classifies_by_name(string path, FileKind expected) =>
        Assert.That(FileClassifier.Classify(path), Is.EqualTo(expected));

    [TestCase("docker-compose.yml", FileKind.Compose, FileEnvironment.Development)]
    [TestCase("docker-compose.production.yml", FileKind.Compose, FileEnvironment.Production)]
    [TestCase("docker-compose.prod.yml", FileKind.Compose, FileEnvironment.Production)]
    [TestCase("compose.override.yml", FileKind.Compose, FileEnvironment.Development)]
    [TestCase("deploy/production/compose.yml", FileKind.Compose, FileEnvironment.Production)]
    [TestCase(".env.production", FileKind.DotEnv, FileEnvironment.Production)]
    [TestCase(".env.development", FileKind.DotEnv, FileEnvironment.Development)]
    [TestCase(".env.example", FileKind.DotEnv, FileEnvironment.Development)]
    [TestCase(".env", FileKind.DotEnv, FileEnvironment.Unspecified)]
    [TestCase("fly.toml", FileKind.FlyConfig, FileEnvironment.Production)]
    [TestCase("fly.staging.toml", FileKind.FlyConfig, FileEnvironment.Production)]
    [TestCase("Dockerfile", FileKind.Dockerfile, FileEnvironment.Unspecified)]
    [TestCase("Dockerfile.dev", FileKind.Dockerfile, FileEnvironment.Development)]
    [TestCase("prod/Dockerfile", FileKind.Dockerfile, FileEnvironment.Production)]
    public void Classifies_environment_from_the_path(string path, FileKind kind, FileEnvironment expected) =>
        Assert.That(FileClassifier.ClassifyEnvironment(path, kind), Is.EqualTo(expected));

    [TestCase("#!/bin/bash", true)]
    [TestCase("#!/bin/sh -e", true)]
    [TestCase("#!/usr/bin/env bash", true)]
    [TestCase("#!/usr/bin/env -S bash -e", false)]
    [TestCase("#!/usr/bin/env python3", false)]
    [TestCase("echo hi", false)]
    public void Recognises_shell_shebangs(string line, bool expected) =>
        Assert.That(FileClassifier.IsShellShebang(line), Is.EqualTo(expected));
}

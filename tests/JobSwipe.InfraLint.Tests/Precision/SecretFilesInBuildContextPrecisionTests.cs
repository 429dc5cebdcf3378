using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>
/// JSI1009 on a monorepo whose image copies the whole context (issue 16's second review): REUSE licence sidecars
/// (<c>.env.license</c>) and a test env file holding only public settings are not secret files; a test env file that
/// assigns a secret still is.
/// </summary>
public class SecretFilesInBuildContextPrecisionTests
{
    [Test]
    public void Licence_sidecars_and_test_settings_without_secrets_are_not_secret_files() =>
        RuleVerifier.ReportsNothing<SecretFilesInBuildContextRule>(
            ("Dockerfile", "FROM node:24-alpine\nWORKDIR /usr/src/app\nCOPY --chown=node . .\n"),
            (".dockerignore", "**/node_modules\n**/.env\n"),
            ("docker/.env", "HD_BASE_URL=https://md.example.org\n"),
            ("docker/.env.license", "SPDX-FileCopyrightText: 2023 The authors\n\nSPDX-License-Identifier: CC0-1.0\n"),
            ("frontend/.env.test", "NEXT_PUBLIC_USE_MOCK_API=true\nHD_BASE_URL=\"http://127.0.0.1:3001/\"\nAPI_TOKEN=${CI_API_TOKEN}\n"),
            ("frontend/.env.test.license", "SPDX-License-Identifier: CC0-1.0\n"));

    [Test]
    public void A_test_env_file_that_assigns_a_secret_is_still_one() =>
        RuleVerifier.Reports<SecretFilesInBuildContextRule>(
            ("Dockerfile", "FROM node:24-alpine\nWORKDIR /usr/src/app\nCOPY --chown=node [|.|] .\n"),
            (".dockerignore", "**/node_modules\n**/.env\n"),
            ("frontend/.env.test", "NEXT_PUBLIC_USE_MOCK_API=true\nSESSION_SECRET=a8Kd02jfQ91mZx\n"),
            ("frontend/.env.test.license", "SPDX-License-Identifier: CC0-1.0\n"));
}

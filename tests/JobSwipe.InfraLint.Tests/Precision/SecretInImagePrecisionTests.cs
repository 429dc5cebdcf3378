using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI1008 on real-world shapes: only ENV/ARG that reach the image count, and build placeholders are not secrets.</summary>
public class SecretInImagePrecisionTests
{
    [Test]
    public void Placeholders_in_a_builder_stage_that_the_final_stage_does_not_descend_from_are_quiet() =>
        RuleVerifier.ReportsNothing<SecretInImageRule>(("Dockerfile",
            "FROM node:22-alpine AS deps\nRUN npm ci\n" +
            "FROM deps AS build\nENV AUTH_SECRET=build-time-placeholder\nENV DATABASE_URL=postgres://user:password@localhost:5432/app\nENV API_KEY=test\nRUN npm run build\n" +
            "FROM node:22-alpine\nCOPY --from=build /app/.next ./.next\nCMD [\"node\", \"server.js\"]\n"));

    [Test]
    public void A_hard_coded_arg_in_a_side_stage_does_not_reach_the_image() =>
        RuleVerifier.ReportsNothing<SecretInImageRule>(("docker/Dockerfile",
            "FROM node:22-alpine AS base\nFROM base AS installer\nARG NEXT_PRIVATE_ENCRYPTION_KEY=\"Q2ZxT0a9rW1vYk3L\"\nENV NEXT_PRIVATE_ENCRYPTION_KEY=\"$NEXT_PRIVATE_ENCRYPTION_KEY\"\nRUN npm run build\n" +
            "FROM base AS runner\nCOPY --from=installer /app/build ./build\nCMD [\"node\", \"build/server.js\"]\n"));

    [Test]
    public void Hex_speak_defaults_are_placeholders_even_in_the_final_stage() =>
        RuleVerifier.ReportsNothing<SecretInImageRule>(("Dockerfile", "FROM node:22-alpine\nARG NEXT_PRIVATE_ENCRYPTION_KEY=\"CAFEBABE\"\nARG NEXT_PRIVATE_ENCRYPTION_SECONDARY_KEY=\"DEADBEEF\"\n"));

    [Test]
    public void A_high_entropy_value_in_a_stage_the_final_stage_is_built_from_is_still_reported() =>
        RuleVerifier.Reports<SecretInImageRule>(("Dockerfile",
            "FROM python:3.12-slim AS base\nENV [|STRIPE_API_KEY|]=sk_live_4eC39HqLyjWDarjtT1zdp7dc\n" +
            "FROM golang:1.22 AS build\nENV GITHUB_TOKEN=placeholder\n" +
            "FROM base\nCOPY --from=build /out/app /app\nCMD [\"/app\"]\n"));

    [Test]
    public void A_global_arg_counts_when_the_final_stage_redeclares_it()
    {
        RuleVerifier.Reports<SecretInImageRule>(("Dockerfile", "ARG [|SIGNING_KEY|]=9f8e7d6c5b4a39281706\nFROM alpine:3.20\nARG SIGNING_KEY\nRUN sign --key \"$SIGNING_KEY\"\n"));
        RuleVerifier.ReportsNothing<SecretInImageRule>(("Dockerfile", "ARG SIGNING_KEY=9f8e7d6c5b4a39281706\nFROM alpine:3.20 AS tool\nARG SIGNING_KEY\nFROM alpine:3.20\nCMD [\"true\"]\n"));
    }
}

using JobSwipe.InfraLint.Syntax.Python;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Python;

public sealed class PythonModuleTests
{
    private static PythonModule Parse(string source) => PythonModule.Parse(new SourceText(source));

    [Test]
    public void Assignments_functions_classes_and_imports_are_module_level_names()
    {
        var m = Parse("""
            import os
            import a.b.c
            import numpy as np
            from fastapi import FastAPI, Depends as D
            from x import (
                one,
                two as deux,
            )
            app = FastAPI(title="x = 1")
            celery_app: Celery = make()
            a, b = 1, 2
            x = y = 3
            def create_app():
                inner = 1
                return inner
            async def lifespan(app): pass
            class Settings:
                field = 1
            @decorator
            def decorated(): pass
            """);
        string[] names = ["os", "a", "np", "FastAPI", "D", "one", "deux", "app", "celery_app", "a", "b", "x", "y", "create_app", "lifespan", "Settings", "decorated"];
        Assert.That(m.Bindings.Select(b => b.Name), Is.SupersetOf(names));
        Assert.That(m.Defines("inner"), Is.False);
        Assert.That(m.Defines("field"), Is.False);
        Assert.That(m.Defines("Depends"), Is.False);
        Assert.That(m.Defines("two"), Is.False);
    }

    [Test]
    public void Names_in_module_level_if_and_try_blocks_count_and_comparisons_do_not_assign()
    {
        var m = Parse("if DEBUG == True:\n    app = debug_app()\nelse:\n    app = prod_app()\ntry:\n    import ujson as json\nexcept ImportError:\n    import json\nif __name__ == '__main__':\n    run(app)\n");
        Assert.That(m.Defines("app"), Is.True);
        Assert.That(m.Defines("json"), Is.True);
        Assert.That(m.Defines("DEBUG"), Is.False);
        Assert.That(m.Defines("__name__"), Is.False);
    }

    [Test]
    public void Strings_comments_and_continuations_do_not_define_names()
    {
        var m = Parse("\"\"\"\napp = 'in a docstring'\n\"\"\"\n# app = commented\nmessage = 'app = no'\nlong_name = \\\n    1\nkw = dict(app=1)\n");
        Assert.That(m.Defines("app"), Is.False);
        Assert.That(m.Defines("message"), Is.True);
        Assert.That(m.Defines("long_name"), Is.True);
        Assert.That(m.Defines("kw"), Is.True);
    }

    [Test]
    public void A_wildcard_import_may_define_anything()
    {
        Assert.That(Parse("from .settings import *\n").Defines("anything"), Is.True);
    }
}

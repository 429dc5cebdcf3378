using JobSwipe.InfraLint.Rules.Entrypoints;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Entrypoints;

public sealed class ProcfileWebPortNotBoundRuleTests
{
    [Test]
    public void Fixed_ports_localhost_and_servers_without_a_port_are_reported()
    {
        RuleVerifier.Reports<ProcfileWebPortNotBoundRule>(("a/Procfile", "web: uvicorn main:app --host 0.0.0.0 --port [|8000|]\n"));
        RuleVerifier.Reports<ProcfileWebPortNotBoundRule>(("b/Procfile", "web: gunicorn -b [|127.0.0.1:$PORT|] app:app\n"));
        RuleVerifier.Reports<ProcfileWebPortNotBoundRule>(("c/Procfile", "web: [|uvicorn|] main:app\n"));
        RuleVerifier.Reports<ProcfileWebPortNotBoundRule>(("d/Procfile", "web: python manage.py runserver [|0.0.0.0:8000|]\n"));
    }

    [Test]
    public void Servers_behind_wrapper_words_are_judged_like_plain_ones()
    {
        RuleVerifier.Reports<ProcfileWebPortNotBoundRule>(("a/Procfile", "web: sudo -u app nohup env APP_ENV=prod uvicorn main:app --port [|8000|]\n"));
        RuleVerifier.ReportsNothing<ProcfileWebPortNotBoundRule>(("b/Procfile", "web: sudo -E nice -n 5 gunicorn --bind 0.0.0.0:$PORT app:app\n"));
    }

    [Test]
    public void Port_bindings_and_servers_that_read_port_themselves_are_quiet()
    {
        RuleVerifier.ReportsNothing<ProcfileWebPortNotBoundRule>(("a/Procfile", "web: uvicorn main:app --host 0.0.0.0 --port $PORT\nworker: celery -A x worker\n"));
        RuleVerifier.ReportsNothing<ProcfileWebPortNotBoundRule>(("b/Procfile", "web: gunicorn app:app\n"));
        RuleVerifier.ReportsNothing<ProcfileWebPortNotBoundRule>(("c/Procfile", "web: gunicorn --bind 0.0.0.0:${PORT:-8000} app:app\n"));
        RuleVerifier.ReportsNothing<ProcfileWebPortNotBoundRule>(("d/Procfile", "web: npm start\n"));
        RuleVerifier.ReportsNothing<ProcfileWebPortNotBoundRule>(("e/Procfile", "web: bundle exec puma -C config/puma.rb\n"));
    }
}

using System.Runtime.CompilerServices;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace;

public class FactCacheTests
{
    private sealed class Fact(int computation)
    {
        public int Computation { get; } = computation;
    }

    [Test]
    public void A_fact_is_computed_once_per_run_however_many_rules_ask()
    {
        var repository = new Repository(Path.GetTempPath(), []);
        int computations = 0;

        var first = repository.Facts.Get(_ => new Fact(Interlocked.Increment(ref computations)));
        var second = repository.Facts.Get(_ => new Fact(Interlocked.Increment(ref computations)));

        Assert.That(second, Is.SameAs(first));
        Assert.That(computations, Is.EqualTo(1));
    }

    [Test]
    public void Rules_asking_at_the_same_time_share_one_computation()
    {
        var repository = new Repository(Path.GetTempPath(), []);
        int computations = 0;
        using var started = new ManualResetEventSlim();

        var facts = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8).Select(_ => repository.Facts.Get(_ =>
        {
            Interlocked.Increment(ref computations);
            started.Wait(TimeSpan.FromMilliseconds(200));
            return new Fact(computations);
        })).ToList();
        started.Set();

        Assert.That(facts.Distinct().Count(), Is.EqualTo(1));
        Assert.That(computations, Is.EqualTo(1));
    }

    [Test]
    public void Each_run_has_its_own_facts()
    {
        var one = new Repository(Path.GetTempPath(), []);
        var other = new Repository(Path.GetTempPath(), []);
        int computations = 0;

        var a = one.Facts.Get(_ => new Fact(++computations));
        var b = other.Facts.Get(_ => new Fact(++computations));

        Assert.That(b, Is.Not.SameAs(a));
        Assert.That((a.Computation, b.Computation), Is.EqualTo((1, 2)));
    }

    [Test]
    public void Named_facts_of_the_same_type_are_distinct()
    {
        var repository = new Repository(Path.GetTempPath(), []);

        var deploys = repository.Facts.Get("deploys", _ => new StrongBox<bool>(true));
        var template = repository.Facts.Get("template", _ => new StrongBox<bool>(false));

        Assert.That((deploys.Value, template.Value), Is.EqualTo((true, false)));
        Assert.That(repository.Facts.Get("deploys", _ => new StrongBox<bool>(false)), Is.SameAs(deploys));
    }

    [Test]
    public void A_yes_no_fact_is_computed_once_and_named_apart_from_the_others()
    {
        var repository = new Repository(Path.GetTempPath(), []);
        int computations = 0;

        Assert.That(repository.Facts.Get("deploys", _ => ++computations > 0), Is.True);
        Assert.That(repository.Facts.Get("deploys", _ => ++computations < 0), Is.True, "the first answer is kept");
        Assert.That(repository.Facts.Get("template", _ => false), Is.False);
        Assert.That(computations, Is.EqualTo(1));
    }

    [Test]
    public void The_facts_see_the_repository_of_their_run()
    {
        var repository = new Repository(Path.GetTempPath(), []);

        Assert.That(repository.Facts.Get(r => new StrongBox<Repository>(r)).Value, Is.SameAs(repository));
    }

    [Test]
    public void The_time_spent_computing_facts_is_kept_for_the_run_timings()
    {
        var repository = new Repository(Path.GetTempPath(), []);
        Assert.That(repository.Facts.ComputeTime, Is.EqualTo(TimeSpan.Zero));

        // A fact that asks for another while it is computed: both computations are inside the measured time.
        repository.Facts.Get(r =>
        {
            Thread.Sleep(20);
            return new StrongBox<Fact>(r.Facts.Get(_ =>
            {
                Thread.Sleep(20);
                return new Fact(1);
            }));
        });

        Assert.That(repository.Facts.ComputeTime, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(40)));
    }

    [Test]
    public void A_rule_that_needs_a_fact_being_computed_does_other_work_until_it_is_ready()
    {
        var repository = new Repository(Path.GetTempPath(), []);
        using var release = new ManualResetEventSlim();
        int helped = 0;
        repository.Facts.WhileWaiting = () =>
        {
            // Three units of other work, then the computation may end.
            if (Interlocked.Increment(ref helped) == 3)
            {
                release.Set();
            }

            return true;
        };

        // The timeout is a safety net only: the waiting rule's work releases the computation.
        var computer = ComputeOnAnotherThread(repository, () => release.Wait(TimeSpan.FromSeconds(30)));
        var waited = repository.Facts.Get(_ => new Fact(2));

        Assert.That(waited, Is.SameAs(computer.Result));
        Assert.That(waited.Computation, Is.EqualTo(1));
        Assert.That(helped, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void A_rule_waits_for_a_fact_being_computed_when_no_other_work_is_left()
    {
        var repository = new Repository(Path.GetTempPath(), []);
        int asked = 0;
        repository.Facts.WhileWaiting = () =>
        {
            Interlocked.Increment(ref asked);
            return false;
        };

        var computer = ComputeOnAnotherThread(repository, () => Thread.Sleep(50));
        var waited = repository.Facts.Get(_ => new Fact(2));

        Assert.That(waited, Is.SameAs(computer.Result));
        Assert.That(asked, Is.EqualTo(1), "asked once for other work, then waited");
    }

    [Test]
    public void The_first_rule_to_ask_computes_the_fact_itself_without_doing_other_work()
    {
        var repository = new Repository(Path.GetTempPath(), []);
        int asked = 0;
        repository.Facts.WhileWaiting = () =>
        {
            asked++;
            return true;
        };

        var fact = repository.Facts.Get(r => new StrongBox<Fact>(r.Facts.Get(_ => new Fact(1))));

        Assert.That(fact.Value!.Computation, Is.EqualTo(1));
        Assert.That(asked, Is.Zero);
    }

    [Test]
    public void A_fact_computed_while_computing_another_is_waited_for_not_helped_with()
    {
        // Other work may ask for the outer fact, whose computation holds its lock: inside a computation, a thread waits.
        var repository = new Repository(Path.GetTempPath(), []);
        int asked = 0;
        repository.Facts.WhileWaiting = () =>
        {
            Interlocked.Increment(ref asked);
            return true;
        };

        var inner = ComputeOnAnotherThread(repository, () => Thread.Sleep(50));
        var outer = repository.Facts.Get(r => new StrongBox<Fact>(r.Facts.Get(_ => new Fact(2))));

        Assert.That(outer.Value, Is.SameAs(inner.Result));
        Assert.That(asked, Is.Zero);
    }

    /// <summary>Starts computing a <see cref="Fact"/> (number 1) on another thread, which runs <paramref name="meanwhile"/> inside the computation; returns once it has begun.</summary>
    private static Task<Fact> ComputeOnAnotherThread(Repository repository, Action meanwhile)
    {
        using var computing = new ManualResetEventSlim();
        var task = Task.Run(() => repository.Facts.Get(_ =>
        {
            computing.Set();
            meanwhile();
            return new Fact(1);
        }));
        computing.Wait();
        return task;
    }
}

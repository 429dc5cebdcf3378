using System.Collections.Concurrent;
using System.Diagnostics;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// The run's cache of shared facts (the types of <c>Semantics/</c>): each is computed once per run, on the first request,
/// by whichever rule asks first, while other rules that ask at the same time wait for that one computation. The cache
/// belongs to the run's <see cref="Repository"/>, so a fact never outlives its run nor leaks into another one.
/// </summary>
public sealed class FactCache
{
    private readonly Repository _repository;
    private readonly ConcurrentDictionary<object, Fact> _facts = new();
    private long _computeTicks;

    // How deep the current thread is in fact computations: a fact that asks for another is timed once, as a whole.
    [ThreadStatic]
    private static int t_depth;

    internal FactCache(Repository repository) => _repository = repository;

    /// <summary>
    /// The thread time spent computing this run's facts (a fact computed while computing another counts once, in the
    /// outer one; a rule waiting for a computation another rule started is not counted), for the engine's timings.
    /// </summary>
    public TimeSpan ComputeTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _computeTicks));

    /// <summary>The fact of type <typeparamref name="T"/> for this run, computed by <paramref name="compute"/> the first time.</summary>
    public T Get<T>(Func<Repository, T> compute)
        where T : class => Get(typeof(T), compute);

    /// <summary>
    /// A fact named <paramref name="name"/> for this run, for facts whose type alone does not say what they are (a
    /// yes/no answer, a set of paths).
    /// </summary>
    public T Get<T>(string name, Func<Repository, T> compute)
        where T : class => Get(new NamedFact(typeof(T), name), compute);

    /// <summary>A yes/no fact named <paramref name="name"/> for this run (is it a template, does it deploy…).</summary>
    public bool Get(string name, Func<Repository, bool> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        return Get(name, r => compute(r) ? Yes : No) == Yes;
    }

    // The two answers of a yes/no fact, shared: the cache holds reference types.
    private static readonly object Yes = new();
    private static readonly object No = new();

    private T Get<T>(object key, Func<Repository, T> compute)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        // No GetOrAdd with a tuple argument, nor tuple keys: ReadyToRun leaves framework generics over value types to the JIT.
        if (!_facts.TryGetValue(key, out var fact))
        {
            fact = _facts.GetOrAdd(key, new Fact(this, compute));
        }

        // A fact is shared: what it reads is not one file's own, and a per-file action that asks for one depends on more than its file.
        _repository.EnterFact(out string? ownFile);
        try
        {
            if (fact.IsBeingComputed && t_depth == 0 && !t_helping && WhileWaiting is { } help)
            {
                // Another thread is computing it: rather than block a core, do other work (the engine's pending file
                // actions) until it is ready. Not inside a fact's own computation, whose lock a file action may need.
                t_helping = true;
                try
                {
                    while (fact.IsBeingComputed && help())
                    {
                    }
                }
                finally
                {
                    t_helping = false;
                }
            }

            return (T)fact.Value;
        }
        finally
        {
            Repository.LeaveFact(ownFile);
        }
    }

    /// <summary>
    /// What a thread that needs a fact another thread is computing does meanwhile: one unit of other work, false when
    /// none is left (the thread then waits). The engine sets it while the rules run; without it the thread waits.
    /// </summary>
    internal Func<bool>? WhileWaiting { get; set; }

    // True while this thread does other work waiting for a fact: what that work asks for is waited for, not helped with.
    [ThreadStatic]
    private static bool t_helping;

    /// <summary>One fact of the run: computed once, by the first thread that asks.</summary>
    private sealed class Fact
    {
        private readonly Lazy<object> _value;
        private volatile int _state; // 0 not started, 1 being computed, 2 done (or failed)

        public Fact(FactCache cache, Func<Repository, object> compute) =>
            _value = new Lazy<object>(() =>
            {
                _state = 1;
                try
                {
                    return cache.Measure(compute);
                }
                finally
                {
                    _state = 2;
                }
            }, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>True while a thread computes it: asking now would block.</summary>
        public bool IsBeingComputed => _state == 1;

        public object Value => _value.Value;
    }

    /// <summary>The key of a named fact: its type and name.</summary>
    private sealed record NamedFact(Type Type, string Name);

    private T Measure<T>(Func<Repository, T> compute)
    {
        if (t_depth > 0)
        {
            return compute(_repository);
        }

        long start = Stopwatch.GetTimestamp();
        t_depth++;
        try
        {
            return compute(_repository);
        }
        finally
        {
            t_depth--;
            Interlocked.Add(ref _computeTicks, Stopwatch.GetTimestamp() - start);
        }
    }
}

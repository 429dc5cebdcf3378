using System.Collections.Concurrent;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// The run's cache of shared facts (the types of <c>Semantics/</c>): each is computed once per run, on the first request,
/// by whichever rule asks first, while other rules that ask at the same time wait for that one computation. The cache
/// belongs to the run's <see cref="Repository"/>, so a fact never outlives its run nor leaks into another one.
/// </summary>
public sealed class FactCache
{
    private readonly Repository _repository;
    private readonly ConcurrentDictionary<object, Lazy<object>> _facts = new();

    internal FactCache(Repository repository) => _repository = repository;

    /// <summary>The fact of type <typeparamref name="T"/> for this run, computed by <paramref name="compute"/> the first time.</summary>
    public T Get<T>(Func<Repository, T> compute)
        where T : class => Get(typeof(T), compute);

    /// <summary>
    /// A fact named <paramref name="name"/> for this run, for facts whose type alone does not say what they are (a
    /// yes/no answer, a set of paths).
    /// </summary>
    public T Get<T>(string name, Func<Repository, T> compute)
        where T : class => Get((typeof(T), name), compute);

    private T Get<T>(object key, Func<Repository, T> compute)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        var lazy = _facts.GetOrAdd(key, static (_, state) => new Lazy<object>(() => state.Compute(state.Repository), LazyThreadSafetyMode.ExecutionAndPublication), (Compute: compute, Repository: _repository));
        return (T)lazy.Value;
    }
}

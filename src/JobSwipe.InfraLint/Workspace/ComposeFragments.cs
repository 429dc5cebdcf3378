namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// Compose files that do not follow the <c>compose*.yml</c> naming are still compose files when a script, a CI step
/// or a Makefile passes them to <c>docker compose -f FILE</c> (or <c>docker-compose --file FILE</c>), or a
/// <c>COMPOSE_FILE</c> setting names them (<see cref="ComposeFileLists"/>). This finds those files, so such fragments
/// are linted as compose files.
/// </summary>
public static class ComposeFragments
{
    /// <summary>The relative paths of YAML files, not yet known as compose files, that the repository uses as compose files.</summary>
    public static IReadOnlySet<string> Find(Repository repository) => Find(repository, repository.ComposeLists);

    /// <summary>The same, from lists already found.</summary>
    public static IReadOnlySet<string> Find(Repository repository, IReadOnlyList<ComposeFileList> lists)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            foreach (string entry in list.Entries)
            {
                // A path with a variable may stand for many files: only literal paths make a file a compose file.
                if (ComposeFileLists.HasVariable(entry) || !ComposeFileLists.IsYaml(entry))
                {
                    continue;
                }

                foreach (string path in list.Resolve(repository, entry))
                {
                    if (repository.GetFile(path) is { Kind: FileKind.Other })
                    {
                        found.Add(path);
                    }
                }
            }
        }

        return found;
    }
}

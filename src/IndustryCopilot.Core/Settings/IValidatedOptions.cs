namespace IndustryCopilot.Core.Settings;

/// <summary>
/// A bound options section that checks itself the one way every section does: it lists every problem it finds, named
/// by its setting, instead of throwing at the first, so an admin fixes a configuration in one pass.
/// </summary>
public interface IValidatedOptions
{
    /// <summary>Every problem of the bound values, each naming its setting (<c>Retrieval:RrfK must be 1–1000</c>); none when valid.</summary>
    IEnumerable<string> Problems();
}

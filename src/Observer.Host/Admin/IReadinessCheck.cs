namespace Observer.Host.Admin;

/// <summary>One condition <c>/readyz</c> requires. <see cref="Check"/> returns null when ready, or the reason it is not.</summary>
public interface IReadinessCheck
{
    string Name { get; }

    string? Check();

    /// <summary>A condition worth reporting in the body even while ready (e.g. the signal backlog is full).</summary>
    string? Warning() => null;
}

using System.Globalization;

namespace Aus.Application.Reconcile;

/// <summary>
/// Bounds the time of one organization's work in a pass. Work that runs past the deadline is
/// abandoned (even work that ignores its cancellation token) and fails with
/// <see cref="OrganizationDeadlineExceededException"/>, so one slow organization cannot stall the pass.
/// </summary>
internal sealed class OrganizationDeadline(TimeSpan? limit, TimeProvider time)
{
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (limit is not { } deadline)
        {
            return await work(cancellationToken);
        }

        using var expiry = new CancellationTokenSource(deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        try
        {
            return await work(linked.Token).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OrganizationDeadlineExceededException(deadline);
        }
    }

    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync(
            async ct =>
            {
                await work(ct);
                return true;
            },
            cancellationToken);
}

/// <summary>An organization's work in a pass ran past <see cref="ReconcileSettings.OrganizationDeadline"/>.</summary>
public sealed class OrganizationDeadlineExceededException(TimeSpan deadline)
    : TimeoutException(string.Create(CultureInfo.InvariantCulture, $"deadline exceeded: its work in this pass took longer than {Describe(deadline)}"))
{
    public TimeSpan Deadline { get; } = deadline;

    private static string Describe(TimeSpan deadline) =>
        deadline.TotalSeconds < 1 ? string.Create(CultureInfo.InvariantCulture, $"{deadline.TotalMilliseconds:0} ms")
        : deadline.TotalMinutes < 1 ? string.Create(CultureInfo.InvariantCulture, $"{deadline.TotalSeconds:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{deadline.TotalMinutes:0.#} min");
}

using BlazorPartner.Components.Shared;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace BlazorPartner.Components;

/// <summary>
/// The one way a component runs a service command or query: the circuit's <see cref="Actor"/> is passed in, work is
/// cancelled when the component goes away, field errors land in <see cref="FieldErrors"/> (keyed by the input record's
/// property names), and refused requests become a localized notification with their code. Anything unexpected is left
/// to the ErrorBoundary, which logs it with an incident id.
/// </summary>
public abstract class AppComponentBase : ComponentBase, IDisposable
{
    private CancellationTokenSource? _cancellation;
    private bool _disposed;
    private LiveRefresh? _live;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Text { get; set; } = default!;

    [Inject]
    private ChangeFeed Changes { get; set; } = default!;

    [Inject]
    private ILogger<AppComponentBase> Logger { get; set; } = default!;

    /// <summary>Cancelled when the component is disposed (navigation away, circuit closed).</summary>
    protected CancellationToken Cancellation => _disposed ? new CancellationToken(canceled: true) : (_cancellation ??= new CancellationTokenSource()).Token;

    /// <summary>Field name → localized message from the last command.</summary>
    protected IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();

    /// <summary>True while a command started by <see cref="RunAsync"/> is running (for IsBusy on buttons).</summary>
    protected bool Busy { get; private set; }

    protected string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);

    protected Task<Actor> GetActorAsync() => CurrentActor.GetAsync();

    /// <summary>Runs a command; true when it succeeded. <paramref name="success"/> is shown as a notification.</summary>
    protected async Task<bool> RunAsync(Func<Actor, CancellationToken, Task> command, string? success = null)
    {
        FieldErrors = new Dictionary<string, string>();
        Busy = true;
        try
        {
            await command(await GetActorAsync(), Cancellation);
            if (success is not null)
            {
                Notify(NotificationSeverity.Success, success);
            }

            return true;
        }
        catch (ValidationException invalid)
        {
            FieldErrors = ErrorText.FieldErrors(Text, invalid);
            var unplaced = invalid.Messages.Keys.Where(k => !HasField(k)).ToList();
            if (unplaced.Count > 0)
            {
                // A field this form does not show (e.g. a stale id): say what it is rather than "some fields need attention".
                Notify(NotificationSeverity.Error, string.Join(" ", unplaced.Select(k => FieldErrors[k])) + $" ({invalid.Code})");
            }
        }
        catch (BusinessException refused)
        {
            Notify(NotificationSeverity.Error, ErrorText.Describe(Text, refused));
            await OnRefusedAsync(refused);
        }
        catch (OperationCanceledException) when (_disposed)
        {
            // The component went away; nobody is waiting for the answer.
        }
        finally
        {
            Busy = false;
        }

        return false;
    }

    /// <summary>Runs a query; a refused one is reported and yields <paramref name="fallback"/>.</summary>
    protected async Task<T> QueryAsync<T>(Func<Actor, CancellationToken, Task<T>> query, T fallback)
    {
        try
        {
            return await query(await GetActorAsync(), Cancellation);
        }
        catch (BusinessException refused)
        {
            Notify(NotificationSeverity.Error, ErrorText.Describe(Text, refused));
            return fallback;
        }
        catch (OperationCanceledException) when (_disposed)
        {
            return fallback;
        }
    }

    /// <summary>Which field names this form displays; errors for others are also notified. Default: all are displayed.</summary>
    protected virtual bool HasField(string field) => true;

    /// <summary>Called after a refused command was reported, e.g. to reload a row that changed under the user.</summary>
    protected virtual Task OnRefusedAsync(BusinessException refused) => Task.CompletedTask;

    protected void Notify(NotificationSeverity severity, string message) =>
        Notifications.Notify(new NotificationMessage { Severity = severity, Summary = message, Duration = severity == NotificationSeverity.Success ? 4000 : 10000 });

    /// <summary>
    /// Re-runs <paramref name="refresh"/> (then re-renders) when another user, on any instance, changes what
    /// <paramref name="topics"/> name (issue 9 §2). One watch per component; a later call replaces it.
    /// </summary>
    protected void WatchChanges(IEnumerable<string> topics, Func<Task> refresh)
    {
        _live?.Dispose();
        _live = new LiveRefresh(Changes, topics, InvokeAsync, async () =>
        {
            await refresh();
            StateHasChanged();
        }, Logger);
    }

    /// <summary>Cancels work still running for this component. Safe to call more than once.</summary>
    public virtual void Dispose()
    {
        _disposed = true;
        _live?.Dispose();
        if (_cancellation is { } cancellation)
        {
            _cancellation = null;
            cancellation.Cancel();
            cancellation.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

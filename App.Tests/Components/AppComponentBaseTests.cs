using System.Globalization;
using System.Security.Claims;
using BlazorPartner.Components;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Radzen;

namespace BlazorPartner.Tests.Components;

/// <summary>The one way components run commands: field errors, localized refusals, the circuit's actor, cancellation.</summary>
public class AppComponentBaseTests
{
    [Fact]
    public async Task A_validation_error_becomes_the_fields_own_localized_message_not_a_generic_one()
    {
        await using var host = await Host.StartAsync();

        var ok = await host.Run(host.Probe.RunPublic((_, _) => throw new ValidationException("AssignedTo", "Opportunity.AssigneeInvalid")));

        Assert.False(ok);
        Assert.Equal("Choose an account manager of your organization.", host.Probe.FieldErrorsPublic["AssignedTo"]);
        Assert.Empty(host.Notifications.Messages);
    }

    [Fact]
    public async Task A_refused_command_becomes_a_localized_notification_with_its_code()
    {
        await using var host = await Host.StartAsync("zh-CN");

        var ok = await host.Run(host.Probe.RunPublic((_, _) => throw new AccessDeniedException("x")));

        Assert.False(ok);
        var message = Assert.Single(host.Notifications.Messages);
        Assert.Equal(NotificationSeverity.Error, message.Severity);
        Assert.EndsWith("(CBC.0151)", message.Summary);
        Assert.DoesNotContain("Access denied", message.Summary);
        Assert.Equal(1, host.Probe.RefusedCount);
    }

    [Fact]
    public async Task Commands_receive_the_circuits_actor_and_a_token_that_disposal_cancels()
    {
        await using var host = await Host.StartAsync();
        Actor? seen = null;
        CancellationToken token = default;

        var ok = await host.Run(host.Probe.RunPublic((actor, ct) => { seen = actor; token = ct; return Task.CompletedTask; }, "done"));
        host.Probe.Dispose();

        Assert.True(ok);
        Assert.Equal("user-1", seen!.UserId);
        Assert.True(seen.Can("opportunities.view"));
        Assert.True(token.IsCancellationRequested);
        Assert.Equal("done", Assert.Single(host.Notifications.Messages).Summary);
    }

    private sealed class Host : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly HtmlRenderer _renderer;
        private readonly (CultureInfo, CultureInfo) _culture;

        private Host(ServiceProvider services, HtmlRenderer renderer, (CultureInfo, CultureInfo) culture)
        {
            (_services, _renderer, _culture) = (services, renderer, culture);
        }

        public Probe Probe { get; private set; } = default!;

        public NotificationService Notifications => _services.GetRequiredService<NotificationService>();

        public static async Task<Host> StartAsync(string culture = "en-US")
        {
            var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var services = new ServiceCollection()
                .AddLogging()
                .AddLocalization(o => o.ResourcesPath = "Resources")
                .AddScoped<AuthenticationStateProvider, FixedUser>()
                .AddScoped<CurrentActor>()
                .AddSingleton(TimeProvider.System)
                // The fixed user carries no session id, so CurrentActor never asks the (database-backed) session store
                // nor re-reads the user's permissions.
                .AddSingleton(new BlazorPartner.Platform.Identity.Sessions.UserSessions(null!, null!, TimeProvider.System))
                .AddSingleton(new UserAccessReader(null!, TimeProvider.System))
                .AddScoped<NotificationService>()
                .AddChangeFeed()
                .BuildServiceProvider();
            var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
            var host = new Host(services, renderer, previous);
            await renderer.Dispatcher.InvokeAsync(() => renderer.RenderComponentAsync<Probe>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(Probe.Created)] = (Action<Probe>)(p => host.Probe = p),
            })));
            return host;
        }

        /// <summary>Awaits a command started on the component (kept as a call so each test reads as "run this").</summary>
        public Task<bool> Run(Task<bool> command) => command;

        public async ValueTask DisposeAsync()
        {
            await _renderer.DisposeAsync();
            await _services.DisposeAsync();
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _culture;
        }
    }

    public sealed class Probe : AppComponentBase
    {
        [Parameter]
        public Action<Probe>? Created { get; set; }

        public int RefusedCount { get; private set; }

        public IReadOnlyDictionary<string, string> FieldErrorsPublic => FieldErrors;

        public Task<bool> RunPublic(Func<Actor, CancellationToken, Task> command, string? success = null) => RunAsync(command, success);

        protected override void OnInitialized() => Created?.Invoke(this);

        protected override Task OnRefusedAsync(BusinessException refused)
        {
            RefusedCount++;
            return Task.CompletedTask;
        }
    }

    private sealed class FixedUser : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "user-1"),
                new Claim(Permissions.ClaimType, "opportunities.view"),
            ], "test"))));
    }
}

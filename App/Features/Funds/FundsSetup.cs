namespace BlazorPartner.Features.Funds;

/// <summary>Everything the funds slice brings: partner cash account, ledger, allocate/reclaim (R21), withdrawal (R22).</summary>
public static class FundsSetup
{
    public static IServiceCollection AddFunds(this IServiceCollection services, IConfiguration configuration) => services;
}

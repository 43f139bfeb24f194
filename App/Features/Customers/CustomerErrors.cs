using BlazorPartner.Core.Errors;

namespace BlazorPartner.Features.Customers;

/// <summary>The customer changed since the user loaded it (CBC.0155); says who acted first when an audit row tells.</summary>
public sealed class CustomerChangedException(string maskedName, string? byName)
    : BusinessException(
        ErrorCodes.AlreadyProcessed,
        $"Customer {maskedName} was changed by {byName ?? "someone else"}; reload and try again.",
        byName is null ? "Customer.ChangedElsewhere" : "Customer.ChangedBy",
        maskedName,
        byName ?? "");

/// <summary>R19: the customer is already unbound (CBC.0150); nothing more can be done to it.</summary>
public sealed class CustomerUnboundException(string maskedName)
    : BusinessException(ErrorCodes.IllegalOperation, $"Customer {maskedName} is already unbound.", "Customer.AlreadyUnbound", maskedName);

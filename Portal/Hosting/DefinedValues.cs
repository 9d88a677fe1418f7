using Microsoft.Extensions.Localization;

namespace Portal.Hosting;

/// <summary>
/// Minimal APIs bind an enum from any number, defined or not (<c>/papers/4</c>, <c>?sort=99</c>), and a handler's
/// <c>switch</c> then takes its default arm. An undefined value in the path names nothing: 404; in the query it is a
/// malformed request: 400. Applied to every endpoint of the portal (<see cref="PortalApp"/>).
/// </summary>
public static class DefinedValues
{
    public static EndpointFilterDelegate Refuse(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var enums = context.MethodInfo.GetParameters()
            .Select((p, index) => (p.Name, Index: index, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Type.IsEnum && !p.Type.IsDefined(typeof(FlagsAttribute), inherit: false))
            .ToArray();
        if (enums.Length == 0) return next;
        return invocation =>
        {
            foreach (var (name, index, type) in enums)
            {
                if (invocation.Arguments[index] is not { } value || Enum.IsDefined(type, value)) continue;
                var http = invocation.HttpContext;
                // Not found as any missing thing is: the not-found page for a link, a Persian problem for an API.
                return ValueTask.FromResult<object?>(http.Request.RouteValues.ContainsKey(name!)
                    ? Results.NotFound()
                    : Refusals.Result(StatusCodes.Status400BadRequest, http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>()["Request.BadParameter", name!]));
            }
            return next(invocation);
        };
    }
}

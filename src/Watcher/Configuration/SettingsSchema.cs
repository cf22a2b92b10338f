using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Watcher.Configuration;

/// <summary>
/// The keys Watcher binds, read from the options types themselves, so that the list of known settings cannot drift
/// from what the binder fills in: every public property with a getter and a setter, as the binder sees them.
/// </summary>
internal static class SettingsSchema
{
    /// <summary>The <c>Watcher</c> section.</summary>
    public static SettingNode Watcher { get; } = Build();

    /// <summary>
    /// The option types below <see cref="WatcherOptions"/>. Native AOT keeps a type's property metadata only when
    /// something asks for it; a test holds this list equal to the types the properties lead to.
    /// </summary>
    internal static readonly Type[] NestedTypes = [typeof(AwsOptions), typeof(WatchedJobOptions), typeof(OrganizationOptions), typeof(MetricsOptions), typeof(CoverageOptions)];

    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(AwsOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(WatchedJobOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(OrganizationOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(MetricsOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(CoverageOptions))]
    private static SettingNode Build() => Section(typeof(WatcherOptions));

    private static SettingNode Section([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type type)
    {
        var defaults = Activator.CreateInstance(type);
        var children = new Dictionary<string, SettingNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is { IsPublic: true } && property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            {
                children[property.Name] = Node(property.PropertyType, property.GetValue(defaults));
            }
        }

        return new SettingNode { Children = children };
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Every options type a property leads to is kept by the DynamicDependency attributes on Build; a test holds them equal.")]
    private static SettingNode Node(Type type, object? defaultValue)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string) || underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(TimeSpan) || underlying == typeof(decimal))
        {
            return new SettingNode { ValueType = underlying, DefaultValue = defaultValue };
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            return new SettingNode { Element = Node(underlying.GetGenericArguments()[0], null) };
        }

        return Section(underlying);
    }
}

namespace Aus.Simulator.Search;

internal enum SearchOperator
{
    Equal,
    NotEqual,
    GreaterOrEqual,
    LessOrEqual,
    Greater,
    Less,
    In,
    NotIn,
    Like,
    NotLike,
}

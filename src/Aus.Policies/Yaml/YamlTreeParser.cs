using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Aus.Policies.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Aus.Policies.Yaml;

/// <summary>
/// Builds a position-carrying tree: with <see cref="PlainYamlParser"/> for the plain YAML aus's files are
/// written in, otherwise from YamlDotNet's event parser. JSON is read by the same parser.
/// Duplicate keys, non-scalar keys, unknown aliases, aliases inside their own anchor or expanding past
/// <see cref="MaxAliasExpansion"/> and extra documents are reported rather than thrown, and the
/// tree is built without recursion so a deeply nested file cannot exhaust the stack.
/// </summary>
internal static partial class YamlTreeParser
{
    /// <summary>Parses <paramref name="text"/>; returns null after reporting a syntax error.</summary>
    public static YamlParseResult Parse(string text, DiagnosticBag bag) =>
        PlainYamlParser.TryParse(text) is { } root ? new YamlParseResult(root, Failed: false) : ParseWithYamlDotNet(text, bag);

    /// <summary>
    /// Parses <paramref name="text"/> with YamlDotNet, for whatever <see cref="PlainYamlParser"/> gives up on.
    /// Not inlined, so that YamlDotNet is loaded only when a file needs it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static YamlParseResult ParseWithYamlDotNet(string text, DiagnosticBag bag)
    {
        var builder = new Builder(bag);
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                if (!builder.Accept(parser.Current!))
                {
                    return new YamlParseResult(null, Failed: true);
                }
            }
        }
        catch (YamlException e)
        {
            bag.Error(Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column), PolicyMessages.YamlSyntax(Explain(CleanMessage(e.Message))));
            return new YamlParseResult(null, Failed: true);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (a block entry "- x" inside an
            // unclosed flow list); it is still the user's syntax error, reported after the last event parsed.
            var (line, column) = builder.LastEnd;
            bag.Error(line, column, PolicyMessages.YamlSyntax(PolicyMessages.UnexpectedCharacter));
            return new YamlParseResult(null, Failed: true);
        }

        return new YamlParseResult(builder.Root, Failed: false);
    }

    // An unquoted cron schedule (* * * * *) is the usual way to meet YamlDotNet's alias error; say what to do.
    private static string Explain(string message) =>
        message.StartsWith("While scanning an anchor or alias", StringComparison.Ordinal) ? PolicyMessages.UnquotedStar : message;

    // YamlDotNet prefixes its messages with the positions, which the diagnostic already carries.
    private static string CleanMessage(string message) => PositionPrefix().Replace(message, string.Empty).Trim().TrimEnd('.');

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex PositionPrefix();

    /// <summary>Far deeper than any policy file; the parser slows down sharply on deeper (hostile) input.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The most values all aliases of a file may stand for together. An alias shares its anchor's
    /// node, but readers walk the tree, so nested aliases would multiply their work (a few KB of
    /// aliases can stand for billions of values); real files alias a few lists, far below this.
    /// </summary>
    public const int MaxAliasExpansion = 100_000;

    private sealed class Builder(DiagnosticBag bag)
    {
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _frames = new();

        // How many values each finished anchored node stands for, counted through aliases: only an
        // anchor can be aliased, so only anchored nodes are kept (a large file has few, if any).
        private readonly Dictionary<YamlNode, long> _sizes = new(ReferenceEqualityComparer.Instance);
        private long _aliasExpansion;
        private int _documents;

        public YamlNode? Root { get; private set; }

        /// <summary>Where the last event parsed ended: the best place to report a failure of the parser itself.</summary>
        public (int Line, int Column) LastEnd { get; private set; } = (1, 1);

        public bool Accept(ParsingEvent e)
        {
            LastEnd = (Math.Max(1, (int)e.End.Line), Math.Max(1, (int)e.End.Column));
            var line = (int)e.Start.Line;
            var column = (int)e.Start.Column;
            switch (e)
            {
                case DocumentStart:
                    _documents++;
                    if (_documents > 1)
                    {
                        bag.Error(line, column, PolicyMessages.MultipleDocuments);
                        return false;
                    }

                    break;
                case Scalar scalar:
                    var isStringTagged = !scalar.Tag.IsEmpty && scalar.Tag.Value is "tag:yaml.org,2002:str" or "!!str";
                    var node = new YamlScalar(line, column, scalar.Value, scalar.Style == ScalarStyle.Plain, isStringTagged);
                    if (!scalar.Anchor.IsEmpty)
                    {
                        _sizes[node] = 1;
                    }

                    Attach(node, scalar.Anchor);
                    AddToParent(1);
                    break;
                case SequenceStart or MappingStart when _frames.Count >= MaxDepth:
                    bag.Error(line, column, PolicyMessages.TooDeep(MaxDepth));
                    return false;
                case SequenceStart start:
                    var sequence = new YamlSequence(line, column);
                    Attach(sequence, start.Anchor);
                    _frames.Push(new Frame(sequence, !start.Anchor.IsEmpty));
                    break;
                case MappingStart start:
                    var mapping = new YamlMapping(line, column);
                    Attach(mapping, start.Anchor);
                    _frames.Push(new Frame(mapping, !start.Anchor.IsEmpty));
                    break;
                case SequenceEnd or MappingEnd:
                    var done = _frames.Pop();
                    if (done.IsAnchored)
                    {
                        _sizes[done.Node] = done.Size;
                    }

                    AddToParent(done.Size);
                    break;
                case AnchorAlias alias:
                    if (_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        if (!_sizes.TryGetValue(target, out var size))
                        {
                            // The anchored list or mapping is still open: the alias is inside it.
                            bag.Error(line, column, PolicyMessages.AliasCycle(alias.Value.Value));
                            return false;
                        }

                        _aliasExpansion += size;
                        if (_aliasExpansion > MaxAliasExpansion)
                        {
                            bag.Error(line, column, PolicyMessages.AliasTooLarge(MaxAliasExpansion));
                            return false;
                        }

                        Attach(target, AnchorName.Empty);
                        AddToParent(size);
                    }
                    else
                    {
                        bag.Error(line, column, PolicyMessages.UnknownAlias(alias.Value.Value));
                        Attach(new YamlScalar(line, column, string.Empty, isPlain: true, isStringTagged: false), AnchorName.Empty);
                    }

                    break;
            }

            return true;
        }

        private void AddToParent(long size)
        {
            if (_frames.Count > 0)
            {
                _frames.Peek().Size += size;
            }
        }

        private void Attach(YamlNode node, AnchorName anchor)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            if (_frames.Count == 0)
            {
                Root = node;
                return;
            }

            var frame = _frames.Peek();
            if (frame.Node is YamlSequence sequence)
            {
                sequence.Items.Add(node);
                return;
            }

            var mapping = (YamlMapping)frame.Node;
            if (!frame.HasKey)
            {
                frame.HasKey = true;
                frame.Key = node as YamlScalar;
                if (frame.Key is null)
                {
                    bag.Error(node, PolicyMessages.NonScalarKey(node.Describe()));
                }

                return;
            }

            var key = frame.Key;
            frame.HasKey = false;
            frame.Key = null;
            if (key is null)
            {
                return;
            }

            if (frame.FindKey(mapping, key.Text) is { } first)
            {
                bag.Error(key, PolicyMessages.DuplicateKey(key.Text, first.Line));
                return;
            }

            frame.AddKey(key);
            mapping.Entries.Add(new YamlEntry(key, node));
        }
    }

    private sealed class Frame(YamlNode node, bool isAnchored)
    {
        // Up to this many keys a mapping's entries are searched for a duplicate; past it, a dictionary is kept.
        private const int ScanLimit = 8;

        private Dictionary<string, YamlScalar>? _seen;

        public YamlNode Node { get; } = node;

        public bool IsAnchored { get; } = isAnchored;

        public bool HasKey { get; set; }

        public YamlScalar? Key { get; set; }

        /// <summary>The first key of <paramref name="mapping"/> (this frame's node) spelled <paramref name="text"/>, if any.</summary>
        public YamlScalar? FindKey(YamlMapping mapping, string text)
        {
            if (_seen is not null)
            {
                return _seen.GetValueOrDefault(text);
            }

            foreach (var entry in mapping.Entries)
            {
                if (string.Equals(entry.Key.Text, text, StringComparison.Ordinal))
                {
                    return entry.Key;
                }
            }

            return null;
        }

        /// <summary>Records a key about to be added to the mapping's entries.</summary>
        public void AddKey(YamlScalar key)
        {
            var mapping = (YamlMapping)Node;
            if (_seen is null && mapping.Entries.Count >= ScanLimit)
            {
                _seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
                foreach (var entry in mapping.Entries)
                {
                    _seen[entry.Key.Text] = entry.Key;
                }
            }

            _seen?.Add(key.Text, key);
        }

        /// <summary>How many values the node stands for, itself included, counted through aliases.</summary>
        public long Size { get; set; } = 1;
    }
}

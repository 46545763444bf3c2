using LyncConfigVault.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LyncConfigVault.Normalize;

/// <summary>Writes and reads the vault's YAML: LF line endings, UTF-8 without BOM, one fixed layout.</summary>
internal static class YamlText
{
    private static readonly EmitterSettings Settings = new EmitterSettings().WithBestWidth(int.MaxValue).WithNewLine("\n");

    public static string Write(YMap root)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    public static byte[] WriteBytes(YMap root) => System.Text.Encoding.UTF8.GetBytes(Write(root));

    private static void Emit(IEmitter emitter, YNode node)
    {
        switch (node)
        {
            case YScalar scalar:
                EmitScalar(emitter, scalar.Text);
                break;
            case YSeq seq:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                foreach (var item in seq.Items)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YMap map:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                foreach (var (key, value) in map.Entries)
                {
                    EmitScalar(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
        }
    }

    private static void EmitScalar(IEmitter emitter, string text)
    {
        var style = ScalarStyleChooser.Choose(text);
        emitter.Emit(new Scalar(null, null, text, style, style == ScalarStyle.Plain, style != ScalarStyle.Plain));
    }

    /// <summary>Reads a vault file back into the tree it was written from. Every scalar comes back as its text.</summary>
    public static YMap Read(string text, string file)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return new YMap();
            }

            parser.Consume<DocumentStart>();
            var node = ReadNode(parser);
            return node as YMap ?? throw LcvException.BadExport(file, "is not a YAML mapping (a vault file starts with 'Identity:').");
        }
        catch (YamlException e)
        {
            throw LcvException.BadExport(file, $"is not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }
    }

    private static YNode ReadNode(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new YScalar(scalar.Value);
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            var seq = new YSeq();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                seq.Items.Add(ReadNode(parser));
            }

            return seq;
        }

        parser.Consume<MappingStart>();
        var map = new YMap();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>().Value;
            map.Add(key, ReadNode(parser));
        }

        return map;
    }
}

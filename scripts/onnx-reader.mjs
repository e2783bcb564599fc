// A small reader for the parts of an ONNX ModelProto the manifest tests
// need. It walks the protobuf wire format directly (field numbers from
// onnx/onnx.proto) so the tests need no npm dependency. Shared by the
// manifest tests of every slices package (packages/slices-*/test).

const VARINT = 0;
const FIXED64 = 1;
const BYTES = 2;
const FIXED32 = 5;

const utf8 = new TextDecoder();

/**
 * Decode one message into a map: field number -> list of raw values
 * (numbers for varints, Uint8Array for length-delimited fields).
 */
export function readMessage(buf) {
  const fields = new Map();
  let pos = 0;

  const varint = () => {
    // Numbers, not bitwise ops: dims and sizes exceed 2^31 in general,
    // and every value we need stays below 2^53.
    let result = 0;
    let scale = 1;
    for (;;) {
      if (pos >= buf.length) throw new RangeError('truncated varint');
      const byte = buf[pos++];
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
      if (scale > 2 ** 63) throw new RangeError('varint too long');
    }
  };

  while (pos < buf.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    let value;
    if (wire === VARINT) {
      value = varint();
    } else if (wire === BYTES) {
      const len = varint();
      if (pos + len > buf.length) throw new RangeError('truncated field');
      value = buf.subarray(pos, pos + len);
      pos += len;
    } else if (wire === FIXED64) {
      value = buf.subarray(pos, pos + 8);
      pos += 8;
    } else if (wire === FIXED32) {
      value = buf.subarray(pos, pos + 4);
      pos += 4;
    } else {
      throw new Error(`unsupported wire type ${wire} (field ${field})`);
    }
    if (field === 0) throw new Error('field number 0');
    if (!fields.has(field)) fields.set(field, []);
    fields.get(field).push(value);
  }
  return fields;
}

const all = (msg, field) => msg.get(field) ?? [];
const one = (msg, field) => all(msg, field).at(-1);
const str = (bytes) => (bytes === undefined ? '' : utf8.decode(bytes));

/** Repeated int64: accepts both packed and unpacked encodings. */
function int64s(msg, field) {
  const out = [];
  for (const v of all(msg, field)) {
    if (typeof v === 'number') {
      out.push(v);
    } else {
      const packed = readPacked(v);
      out.push(...packed);
    }
  }
  return out;
}

function readPacked(bytes) {
  const out = [];
  let pos = 0;
  while (pos < bytes.length) {
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[pos++];
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
    }
    out.push(result);
  }
  return out;
}

// TensorProto.DataType values we name; others are reported by number.
const ELEM_TYPES = { 1: 'float32', 3: 'int8', 6: 'int32', 7: 'int64', 10: 'float16', 11: 'float64' };

function valueInfo(bytes) {
  const vi = readMessage(bytes); // ValueInfoProto
  const type = readMessage(one(vi, 2) ?? new Uint8Array()); // TypeProto
  const tensor = readMessage(one(type, 1) ?? new Uint8Array()); // Tensor
  const shapeMsg = readMessage(one(tensor, 2) ?? new Uint8Array());
  const shape = all(shapeMsg, 1).map((d) => {
    const dim = readMessage(d); // Dimension: 1 dim_value, 2 dim_param
    return dim.has(1) ? one(dim, 1) : str(one(dim, 2));
  });
  const elem = one(tensor, 1);
  return {
    name: str(one(vi, 1)),
    dtype: ELEM_TYPES[elem] ?? `type-${elem}`,
    shape,
  };
}

/**
 * Read the graph signature, opsets and initializer sizes of an ONNX file.
 * @param {Uint8Array} bytes
 */
export function readOnnx(bytes) {
  const model = readMessage(bytes); // ModelProto
  const graphBytes = one(model, 7);
  if (!graphBytes) throw new Error('ModelProto has no graph (field 7)');
  const graph = readMessage(graphBytes);

  const opsets = all(model, 8).map((b) => {
    const op = readMessage(b); // OperatorSetIdProto: 1 domain, 2 version
    return { domain: str(one(op, 1)), version: one(op, 2) };
  });

  const initializers = all(graph, 5).map((b) => {
    const t = readMessage(b); // TensorProto: 1 dims, 2 data_type, 8 name
    const dims = int64s(t, 1);
    return {
      name: str(one(t, 8)),
      dtype: ELEM_TYPES[one(t, 2)] ?? `type-${one(t, 2)}`,
      dims,
      numel: dims.reduce((a, b) => a * b, 1),
    };
  });

  const initNames = new Set(initializers.map((t) => t.name));
  return {
    irVersion: one(model, 1),
    opsets,
    // Older exporters list initializers among the inputs; skip those.
    inputs: all(graph, 11).map(valueInfo).filter((v) => !initNames.has(v.name)),
    outputs: all(graph, 12).map(valueInfo),
    initializers,
    nodeCount: all(graph, 1).length,
    // NodeProto field 4 is op_type.
    operators: [...new Set(all(graph, 1).map((b) => str(one(readMessage(b), 4))))].sort(),
  };
}

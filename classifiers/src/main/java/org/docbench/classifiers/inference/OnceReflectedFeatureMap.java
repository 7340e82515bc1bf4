package org.docbench.classifiers.inference;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tribuo.FeatureMap;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableInfo;
import org.tribuo.protos.ProtoSerializableClass;
import org.tribuo.protos.ProtoSerializableField;
import org.tribuo.protos.ProtoSerializableKeysValuesField;
import org.tribuo.protos.ProtoSerializableMapField;
import org.tribuo.protos.ProtoSerializableMapValuesField;
import org.tribuo.protos.core.FeatureDomainProto;
import org.tribuo.protos.core.ImmutableFeatureMapProto;
import org.tribuo.protos.core.VariableInfoProto;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.oracle.labs.mlrg.olcut.util.MutableDouble;
import com.oracle.labs.mlrg.olcut.util.MutableLong;

/**
 * An {@link ImmutableFeatureMap} whose protobuf is built as Tribuo's {@code ProtoUtil.serialize}
 * builds it, field for field and byte for byte, but with the reflective look-ups done once per
 * feature class instead of once per feature.
 *
 * <p>Why: Tribuo serializes each of a model's features ({@code CategoricalIDInfo},
 * {@code RealIDInfo}) through {@code ProtoUtil.serialize}, which per feature walks the class's
 * declared fields and their annotations and, per field, scans {@code Class.getMethods()} of the
 * protobuf builder (a fresh copy of some hundred {@code Method} objects each time) for its
 * setter. On the embedded corpus's 46,000 features that was most of {@code docbench train}'s
 * time. Here each feature class's fields, setters and builder factory are looked up once; the
 * per-feature work is reading the fields and calling the setters. The result is the same
 * {@link FeatureDomainProto} (class name {@code org.tribuo.ImmutableFeatureMap}), so a file
 * saved from it loads in any Tribuo that reads the ones saved before. A feature class this does
 * not know how to mirror (an annotation or field type {@code ProtoUtil} handles that this does
 * not) is serialized by Tribuo itself.
 *
 * <p>Immutable, as its superclass; {@link #serialize()} is thread-safe.
 */
final class OnceReflectedFeatureMap extends ImmutableFeatureMap {
    private static final long serialVersionUID = 1L;

    /** A map with the features, ids and statistics {@code new ImmutableFeatureMap(features)} would have. */
    OnceReflectedFeatureMap(FeatureMap features) {
        super(features);
    }

    @Override
    public FeatureDomainProto serialize() {
        Map<Class<?>, Optional<Plan>> plans = new HashMap<>();
        ImmutableFeatureMapProto.Builder data = ImmutableFeatureMapProto.newBuilder();
        for (VariableInfo info : m.values()) { // the field and order ProtoUtil reads (@ProtoSerializableMapValuesField)
            Optional<Plan> plan = plans.computeIfAbsent(info.getClass(), Plan::of);
            VariableInfoProto proto = plan.map(p -> p.serialize(info)).orElse(null);
            data.addInfo(proto != null ? proto : info.serialize());
        }
        ProtoSerializableClass ann = ImmutableFeatureMap.class.getAnnotation(ProtoSerializableClass.class);
        return FeatureDomainProto.newBuilder().setVersion(ann.version()).setClassName(ImmutableFeatureMap.class.getName())
                .setSerializedData(Any.pack(data.build())).build();
    }

    /** How one feature class is serialized: ProtoUtil's look-ups for it, made once. */
    private record Plan(Class<?> type, int version, Method newBuilder, List<Step> steps) {

        /** A field and the builder method(s) its value goes to. */
        private record Step(Field field, Method setter, Method keyAdder, Method valueAdder) {
        }

        /** The plan of {@code type}, or empty when it uses what this class does not mirror. */
        static Optional<Plan> of(Class<?> type) {
            try {
                ProtoSerializableClass ann = type.getAnnotation(ProtoSerializableClass.class);
                if (ann == null || ann.serializedDataClass() == Message.class) {
                    return Optional.empty();
                }
                Method newBuilder = ann.serializedDataClass().getMethod("newBuilder");
                Class<?> builder = newBuilder.invoke(null).getClass();
                List<Step> steps = new ArrayList<>();
                for (Field f : fields(type)) {
                    f.setAccessible(true);
                    ProtoSerializableField psf = f.getAnnotation(ProtoSerializableField.class);
                    if (psf != null) {
                        String name = psf.name().equals(ProtoSerializableField.DEFAULT_FIELD_NAME) ? f.getName() : psf.name();
                        Class<?> t = f.getType();
                        String stub = t.isArray() || Collection.class.isAssignableFrom(t) ? "addAll" : "set";
                        Method setter = findMethod(builder, stub, name, 1);
                        setter.setAccessible(true);
                        steps.add(new Step(f, setter, null, null));
                    } else {
                        ProtoSerializableKeysValuesField kv = f.getAnnotation(ProtoSerializableKeysValuesField.class);
                        Method keys = findMethod(builder, "add", kv.keysName(), 1);
                        Method values = findMethod(builder, "add", kv.valuesName(), 1);
                        keys.setAccessible(true);
                        values.setAccessible(true);
                        steps.add(new Step(f, null, keys, values));
                    }
                }
                return Optional.of(new Plan(type, ann.version(), newBuilder, List.copyOf(steps)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** The feature's protobuf, or null when a value is of a kind this does not convert (Tribuo's own serialize then runs). */
        VariableInfoProto serialize(VariableInfo info) {
            try {
                Message.Builder b = (Message.Builder) newBuilder.invoke(null);
                for (Step s : steps) {
                    Object value = s.field().get(info);
                    if (s.setter() != null) {
                        s.setter().invoke(b, convert(value));
                    } else if (value != null) {
                        if (!(value instanceof Map<?, ?> map)) {
                            return null;
                        }
                        for (Map.Entry<?, ?> e : map.entrySet()) {
                            s.keyAdder().invoke(b, convert(e.getKey()));
                            s.valueAdder().invoke(b, convert(e.getValue()));
                        }
                    }
                }
                return VariableInfoProto.newBuilder().setVersion(version).setClassName(type.getName())
                        .setSerializedData(Any.pack(b.build())).build();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        /** ProtoUtil's conversion of the value kinds feature statistics hold; anything else is refused. */
        private static Object convert(Object v) {
            if (v instanceof MutableLong l) {
                return l.longValue();
            }
            if (v instanceof MutableDouble d) {
                return d.doubleValue();
            }
            if (v instanceof Double || v instanceof Float || v instanceof Integer || v instanceof Long || v instanceof Boolean
                    || v instanceof String) {
                return v;
            }
            throw new IllegalArgumentException("not mirrored: " + (v == null ? "null" : v.getClass().getName()));
        }

        /**
         * The annotated fields of {@code type} and its superclasses, in ProtoUtil's order and with
         * its rule for a proto field named twice (the subclass's wins); a field with a map
         * annotation ProtoUtil handles and this does not makes the whole plan refuse.
         */
        private static List<Field> fields(Class<?> type) {
            Set<String> names = new HashSet<>();
            List<Field> out = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    ProtoSerializableField psf = f.getAnnotation(ProtoSerializableField.class);
                    ProtoSerializableKeysValuesField kv = f.getAnnotation(ProtoSerializableKeysValuesField.class);
                    if (f.getAnnotation(ProtoSerializableMapField.class) != null
                            || f.getAnnotation(ProtoSerializableMapValuesField.class) != null || (psf != null && kv != null)) {
                        throw new IllegalArgumentException("not mirrored: " + f);
                    }
                    if (psf != null) {
                        String name = psf.name().equals(ProtoSerializableField.DEFAULT_FIELD_NAME) ? f.getName() : psf.name();
                        if (!names.contains(name)) {
                            out.add(f);
                            names.add(f.getName()); // sic: ProtoUtil records the Java name, not the proto name
                        }
                    } else if (kv != null) {
                        if (names.contains(kv.keysName()) && names.contains(kv.valuesName())) {
                            continue;
                        }
                        if (names.contains(kv.keysName()) || names.contains(kv.valuesName())) {
                            throw new IllegalArgumentException("not mirrored: " + f);
                        }
                        out.add(f);
                        names.add(kv.keysName());
                        names.add(kv.valuesName());
                    }
                }
            }
            return out;
        }

        /** ProtoUtil.findMethod: the first public method of that name and arity whose first parameter is no builder. */
        private static Method findMethod(Class<?> builder, String prefix, String field, int params) {
            String name = prefix + Character.toUpperCase(field.charAt(0)) + field.substring(1);
            for (Method m : builder.getMethods()) {
                if (m.getName().equals(name) && m.getParameterTypes().length == params
                        && (params == 0 || !Message.Builder.class.isAssignableFrom(m.getParameterTypes()[0]))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("no method " + name + " in " + builder.getName());
        }
    }
}

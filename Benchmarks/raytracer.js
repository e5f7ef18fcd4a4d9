// raytracer: a small ray tracer written with classes: vectors as immutable objects,
// spheres and a checkered plane behind a common interface, point lights with shadows,
// Phong highlights and recursive reflections; allocation-heavy double arithmetic.
// iterations: 10
// checksum: 897133110

class Vec3 {
  constructor(x, y, z) { this.x = x; this.y = y; this.z = z; }
  add(v) { return new Vec3(this.x + v.x, this.y + v.y, this.z + v.z); }
  sub(v) { return new Vec3(this.x - v.x, this.y - v.y, this.z - v.z); }
  scale(k) { return new Vec3(this.x * k, this.y * k, this.z * k); }
  mul(v) { return new Vec3(this.x * v.x, this.y * v.y, this.z * v.z); }
  dot(v) { return this.x * v.x + this.y * v.y + this.z * v.z; }
  cross(v) { return new Vec3(this.y * v.z - this.z * v.y, this.z * v.x - this.x * v.z, this.x * v.y - this.y * v.x); }
  length() { return Math.sqrt(this.dot(this)); }
  normalized() { return this.scale(1 / this.length()); }
}

const BLACK = new Vec3(0, 0, 0), WHITE = new Vec3(1, 1, 1);

class Ray { constructor(origin, direction) { this.origin = origin; this.direction = direction; } }

class Hit { constructor(thing, ray, distance) { this.thing = thing; this.ray = ray; this.distance = distance; } }

class Surface {
  constructor(diffuse, specular, reflect, roughness) {
    this.diffuseColor = diffuse; this.specularColor = specular; this.reflectivity = reflect; this.roughness = roughness;
  }
  diffuse(point) { return this.diffuseColor; }
  reflect(point) { return this.reflectivity; }
}

class Checkerboard extends Surface {
  constructor() { super(WHITE, WHITE, 0.7, 150); }
  diffuse(point) { return (Math.floor(point.z) + Math.floor(point.x)) % 2 !== 0 ? WHITE : BLACK; }
  reflect(point) { return (Math.floor(point.z) + Math.floor(point.x)) % 2 !== 0 ? 0.1 : 0.7; }
}

class Sphere {
  constructor(center, radius, surface) { this.center = center; this.radius2 = radius * radius; this.surface = surface; }
  normal(point) { return point.sub(this.center).normalized(); }
  intersect(ray) {
    const eo = this.center.sub(ray.origin);
    const v = eo.dot(ray.direction);
    if (v < 0) return null;
    const disc = this.radius2 - (eo.dot(eo) - v * v);
    if (disc < 0) return null;
    const distance = v - Math.sqrt(disc);
    return distance > 0 ? new Hit(this, ray, distance) : null;
  }
}

class Plane {
  constructor(normal, offset, surface) { this.norm = normal; this.offset = offset; this.surface = surface; }
  normal(point) { return this.norm; }
  intersect(ray) {
    const denom = this.norm.dot(ray.direction);
    if (denom > 0) return null;
    const distance = (this.norm.dot(ray.origin) + this.offset) / -denom;
    return new Hit(this, ray, distance);
  }
}

class Light { constructor(position, color) { this.position = position; this.color = color; } }

class Camera {
  constructor(position, lookAt) {
    this.position = position;
    const down = new Vec3(0, -1, 0);
    this.forward = lookAt.sub(position).normalized();
    this.right = this.forward.cross(down).normalized().scale(1.5);
    this.up = this.forward.cross(this.right).normalized().scale(1.5);
  }
}

// x raised to a small integer power by repeated squaring (Math.pow may round
// differently between engines; this does not).
function power(x, n) {
  let result = 1;
  while (n > 0) { if (n & 1) result *= x; x *= x; n >>= 1; }
  return result;
}

class RayTracer {
  constructor(scene) { this.scene = scene; this.maxDepth = 4; }
  closestHit(ray) {
    let closest = null;
    for (const thing of this.scene.things) {
      const hit = thing.intersect(ray);
      if (hit !== null && (closest === null || hit.distance < closest.distance)) closest = hit;
    }
    return closest;
  }
  trace(ray, depth) {
    const hit = this.closestHit(ray);
    return hit === null ? BLACK : this.shade(hit, depth);
  }
  shade(hit, depth) {
    const d = hit.ray.direction;
    const pos = d.scale(hit.distance).add(hit.ray.origin);
    const normal = hit.thing.normal(pos);
    const reflectDir = d.sub(normal.scale(2 * normal.dot(d)));
    const natural = BLACK.add(this.lightAt(hit.thing, pos, normal, reflectDir));
    if (depth >= this.maxDepth) return natural.add(new Vec3(0.5, 0.5, 0.5));
    const reflected = this.trace(new Ray(pos, reflectDir), depth + 1).scale(hit.thing.surface.reflect(pos));
    return natural.add(reflected);
  }
  lightAt(thing, pos, normal, reflectDir) {
    let color = BLACK;
    for (const light of this.scene.lights) {
      const toLight = light.position.sub(pos);
      const lightDir = toLight.normalized();
      const blocker = this.closestHit(new Ray(pos, lightDir));
      if (blocker !== null && blocker.distance <= toLight.length()) continue;
      const illumination = lightDir.dot(normal);
      const lit = illumination > 0 ? light.color.scale(illumination) : BLACK;
      const specular = lightDir.dot(reflectDir.normalized());
      const shine = specular > 0 ? light.color.scale(power(specular, thing.surface.roughness)) : BLACK;
      color = color.add(thing.surface.diffuse(pos).mul(lit)).add(thing.surface.specularColor.mul(shine));
    }
    return color;
  }
  render(width, height) {
    const camera = this.scene.camera;
    let checksum = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const px = (x - width / 2) / 2 / width, py = -(y - height / 2) / 2 / height;
        const direction = camera.forward.add(camera.right.scale(px).add(camera.up.scale(py))).normalized();
        const c = this.trace(new Ray(camera.position, direction), 0);
        const r = Math.floor(Math.min(c.x, 1) * 255), g = Math.floor(Math.min(c.y, 1) * 255), b = Math.floor(Math.min(c.z, 1) * 255);
        checksum = (Math.imul(checksum, 31) + (r << 16 | g << 8 | b)) | 0;
      }
    }
    return checksum;
  }
}

function defaultScene() {
  const shiny = new Surface(WHITE, new Vec3(0.5, 0.5, 0.5), 0.6, 250);
  const matte = new Surface(new Vec3(0.4, 0.4, 0.4), new Vec3(0.3, 0.3, 0.3), 0.2, 30);
  return {
    things: [
      new Plane(new Vec3(0, 1, 0), 0, new Checkerboard()),
      new Sphere(new Vec3(0, 1, -0.25), 1, shiny),
      new Sphere(new Vec3(-1, 0.5, 1.5), 0.5, matte),
    ],
    lights: [
      new Light(new Vec3(-2, 2.5, 0), new Vec3(0.49, 0.07, 0.07)),
      new Light(new Vec3(1.5, 2.5, 1.5), new Vec3(0.07, 0.07, 0.49)),
      new Light(new Vec3(1.5, 2.5, -1.5), new Vec3(0.07, 0.49, 0.071)),
      new Light(new Vec3(0, 3.5, 0), new Vec3(0.21, 0.21, 0.35)),
    ],
    camera: new Camera(new Vec3(3, 2, 4), new Vec3(-1, 0.5, 0)),
  };
}

function benchmark() { return new RayTracer(defaultScene()).render(64, 64); }

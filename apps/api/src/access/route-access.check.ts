import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ROUTE_ACCESS, type RouteAccess } from '@evalflow/auth';

export interface DeclaredRoute {
  handler: string;
  access: RouteAccess | undefined;
}

/** Every controller route with its declared access (undefined when it has none). */
export function declaredRoutes(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance) continue;
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const method = prototype[name];
      if (Reflect.getMetadata(PATH_METADATA, method) === undefined) continue; // not a route
      const access = reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [method, wrapper.metatype]);
      routes.push({ handler: `${wrapper.name}.${name}`, access });
    }
  }
  return routes;
}

/** Start-up fails when any route does not declare its access: nothing is open by omission. */
@Injectable()
export class RouteAccessCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared = declaredRoutes(this.discovery, this.scanner, this.reflector).filter((r) => !r.access);
    if (undeclared.length) {
      throw new Error(
        `Routes without an access declaration (@Public, @Authenticated or @Policy): ${undeclared
          .map((r) => r.handler)
          .join(', ')}`,
      );
    }
  }
}
